"""Persian evidence of the tiers, the runner and the shared checks (grid, proofs by cases and regions)."""

from __future__ import annotations

from .fa_evidence_terms import table

__all__ = ["PATTERNS"]

PATTERNS = table(
    # verify/runner.py and verify/tiers/
    ("qualitative statement: listed, not judged", "جمله‌ی توصیفی: فهرست شده، داوری نشده"),
    (
        r"not run \(convproof verify --oracle runs it\)",
        "اجرا نشد (با گزینه‌ی --oracle فرمان convproof verify اجرا می‌شود)",
    ),
    ("PyTorch not installed: skipped", "PyTorch نصب نیست: اجرا نشد"),
    (r"simplify\(claimed - reference\) = 0", "ساده‌سازی تفاضل ادعا و مرجع با SymPy به $0$ می‌رسد"),
    (r"simplify\(claimed - reference\)", "ساده‌سازی تفاضل ادعا و مرجع با SymPy"),
    (r"differs: (?P<l_parts>.+)", "متفاوت است: <l_parts>"),
    (r"undecided: (?P<l_parts>.+)", "تصمیم‌ناپذیر: <l_parts>"),
    (r"(?P<n>\d+) part\(s\) proven", "<n> بخش اثبات شد"),
    (r"reference agrees with (?P<e_method>.+)", "مرجع با <e_method> هم‌خوان است"),
    ("vectorised lambdify", "lambdify برداری‌شده"),
    (
        "general-size \\(indexed\\) expressions are not drawn here; the claim's own checks unroll them",
        "عبارت‌های با اندازه‌ی دلخواه (اندیس‌دار) اینجا نمونه‌گیری نمی‌شوند؛ بررسی‌های خود ادعا آن‌ها را باز می‌کنند",
    ),
    (r"(?P<l_part>.+): wrong number of components", "<l_part>: تعداد مؤلفه‌ها نادرست است"),
    ("simulation with NumPy", "شبیه‌سازی با NumPy"),
    ("agrees with the reference", "با مرجع هم‌خوان است"),
    # derivations/checks/grid.py
    (r"grid of (?P<n>\d+) points on (?P<window>MATH)", "شبکه‌ای از <n> نقطه روی <window>"),
    ("no difference on the grid", "روی شبکه هیچ تفاوتی نیست"),
    ("no difference on the grid, with (?P<at>MATH)", "روی شبکه هیچ تفاوتی نیست، با <at>"),
    ("no difference where the claim is defined", "هر جا ادعا تعریف شده، هیچ تفاوتی نیست"),
    ("no difference where the claim is defined, with (?P<at>MATH)", "هر جا ادعا تعریف شده، هیچ تفاوتی نیست، با <at>"),
    ("largest difference (?P<gap>MATH) at (?P<x>MATH)", "بیشترین تفاوت <gap> در <x> است"),
    ("largest difference (?P<gap>MATH) at (?P<x>MATH), with (?P<at>MATH)", "بیشترین تفاوت <gap> در <x> است، با <at>"),
    (
        r"as written undefined at (?P<n>\d+) grid points?, e\.g\. (?P<x>MATH)",
        "به شکلی که نوشته شده در <n> نقطه‌ی شبکه تعریف‌نشده است، مثلاً در <x>",
    ),
    # derivations/checks/cases.py
    ("exact, by cases between the kinks", "دقیق، حالت‌به‌حالت میان نقطه‌های شکست"),
    (
        r"exact, by cases between the kinks \((?P<n>\d+) region comparisons?\)",
        "دقیق، حالت‌به‌حالت میان نقطه‌های شکست (<n> مقایسه در ناحیه‌ها)",
    ),
    (r"(?P<l_part>.+) differs on the region of (?P<at>MATH)", "<l_part> در ناحیه‌ی شامل <at> متفاوت است"),
    (r"undecided for (?P<l_parts>.+)", "برای <l_parts> تصمیم‌ناپذیر است"),
    # derivations/checks/kinks.py
    (
        r"exact, by cases: one polynomial per region between the kinks \((?P<n>\d+) regions\)",
        "دقیق، حالت‌به‌حالت: یک چندجمله‌ای برای هر ناحیه میان نقطه‌های شکست (<n> ناحیه)",
    ),
    (
        "(?P<l_part>.+) differs on (?P<region>MATH): (?P<got>MATH) instead of (?P<want>MATH)",
        "<l_part> روی <region> متفاوت است: <got> به جای <want>",
    ),
    # derivations/checks/wording.py: equal_parts
    ("equal to the reference on every region", "در هر ناحیه با مرجع برابر است"),
    ("equal to the reference off the kinks", "بیرون از نقطه‌های شکست با مرجع برابر است"),
    ("both parts equal to the reference on every region", "هر دو بخش در هر ناحیه با مرجع برابرند"),
    ("both parts equal to the reference off the kinks", "هر دو بخش بیرون از نقطه‌های شکست با مرجع برابرند"),
    (r"all (?P<n>\d+) parts equal to the reference on every region", "هر <n> بخش در هر ناحیه با مرجع برابرند"),
    (r"all (?P<n>\d+) parts equal to the reference off the kinks", "هر <n> بخش بیرون از نقطه‌های شکست با مرجع برابرند"),
    # the last: a part that differs, named by its label
    (r"(?P<l_part>.+) differs", "<l_part> متفاوت است"),
)
