"""Persian evidence of the Q1(c) and Q1(d) checks: dropout's masks and rates, batch norm's statistics."""

from __future__ import annotations

from .fa_evidence_terms import table

__all__ = ["PATTERNS"]

_SOURCE = r"(?P<t_source>(?:NumPy |torch\.nn\.)Dropout\w*)"
_BATCH_NORM = "torch.nn.BatchNorm1d and BatchNorm2d in training mode"

PATTERNS = table(
    # derivations/claims/dropout/hooks.py and __init__.py
    (_SOURCE + ": the unit zeroed together", "<t_source>: واحدی که یکجا صفر می‌شود"),
    (
        _SOURCE + r", (?P<p>MATH), shape (?P<shape>MATH): the mask is shared along (?P<t_axes>MATH|no axis) "
        r"\(claimed: (?P<t_claimed>MATH|no axis)\)",
        "<t_source>، <p>، شکل <shape>: محورهای مشترک ماسک: <t_axes> (ادعا: <t_claimed>)",
    ),
    (r"kept values (?P<t_are>are|are not) \$x/\(1-p\)\$", "مقادیر نگه‌داشته‌شده $x/(1-p)$ <t_are>"),
    ("chance of a coarser-looking mask (?P<bound>MATH)", "احتمال آن‌که ماسکی درشت‌دانه‌تر به نظر برسد <bound>"),
    (
        _SOURCE + r": (?P<zeroed>\d+) of (?P<n>\d+) units zeroed at (?P<p>MATH)",
        "<t_source>: <zeroed> واحد از <n> واحد با <p> صفر شد",
    ),
    (
        "exact acceptance interval (?P<interval>MATH) at false-alarm rate (?P<alpha>MATH)",
        "بازه‌ی پذیرش دقیق <interval> با نرخ هشدار نادرست <alpha>",
    ),
    (
        _SOURCE + ": the number of zeroed units against (?P<law>MATH)",
        "<t_source>: تعداد واحدهای صفرشده در برابر توزیع <law>",
    ),
    (r"(?P<layer>torch\.nn\.\w+) in training mode", "<layer> در حالت آموزش"),
    (
        r"(?P<first>torch\.nn\.\w+) in training mode and (?P<second>torch\.nn\.\w+) in training mode",
        "<first> و <second> در حالت آموزش",
    ),
    (
        _SOURCE + r": mean of \$y/x\$ over the units against \$1\$ \(Hoeffding's bound\)",
        "<t_source>: میانگین $y/x$ روی واحدها در برابر $1$ (کران هوفدینگ)",
    ),
    (
        r"(?P<p>MATH): the mean of \$y/x\$ over (?P<n>\d+) units is (?P<mean>MATH)",
        "<p>: میانگین $y/x$ روی <n> واحد برابر <mean> است",
    ),
    (
        r"fed without permuting, PyTorch reads the (?P<given>MATH) array as one (?P<read>MATH) volume and zeroes "
        r"(?P<k>\d+) units of (?P<n>\d+) elements",
        "اگر محورها جابه‌جا نشوند، PyTorch آرایه‌ی <given> را یک حجم <read> می‌خواند و <k> واحد <n> عنصری را صفر می‌کند",
    ),
    # derivations/claims/batchnorm/hooks.py and __init__.py
    (
        "SymPy proof with IndexedBase for a batch of any size \\$n\\$",
        "اثبات با IndexedBase در SymPy برای دسته‌ای به هر اندازه‌ی $n$",
    ),
    (
        "the normalised batch has mean (?P<mean>MATH) and biased variance (?P<variance>MATH)",
        "دسته‌ی نرمال‌شده میانگین <mean> و واریانس اریب <variance> دارد",
    ),
    (
        "training-mode batch norm on random mini-batches \\(NumPy\\)",
        "نرمال‌سازی دسته‌ای در حالت آموزش روی دسته‌های کوچک تصادفی (NumPy)",
    ),
    (r"running statistics after one batch, (?P<t_convention>.+)", "آمار جاری پس از یک دسته، با <t_convention>"),
    (
        r"channel (?P<c>\d+): running mean (?P<mean>MATH) and variance (?P<variance>MATH)",
        "کانال <c>: میانگین جاری <mean> و واریانس جاری <variance>",
    ),
    ("batch mean (?P<mean>MATH) and variance (?P<variance>MATH)", "میانگین دسته <mean> و واریانس آن <variance>"),
    (
        "batch mean (?P<mean>MATH), biased variance (?P<variance>MATH)",
        "میانگین دسته <mean> و واریانس اریب آن <variance>",
    ),
    (
        r"inference with running statistics vs training with batch statistics \(NumPy\)",
        "استنتاج با آمار جاری در برابر آموزش با آمار دسته (NumPy)",
    ),
    (
        "in inference a sample's output (?P<t_same>is the same|differs) alone and in its batch",
        "در استنتاج، خروجی یک نمونه به‌تنهایی و درون دسته‌اش <t_same>",
    ),
    (
        "in training it (?P<t_changes>changes|does not change) with its batch-mates",
        "در آموزش، با نمونه‌های هم‌دسته‌اش <t_changes>",
    ),
    ("symbolic batch of one sample", "دسته‌ی نمادین تک‌نمونه‌ای"),
    ("batch variance (?P<variance>MATH)", "واریانس دسته <variance>"),
    (
        r"with \$\\varepsilon\$ the output is (?P<output>MATH) for every \$x_1\$",
        r"با $\varepsilon$ خروجی برای هر $x_1$ برابر <output> است",
    ),
    (r"without \$\\varepsilon\$ it is undefined \(\$0/0\$\)", r"بدون $\varepsilon$ خروجی تعریف‌نشده است ($0/0$)"),
    (r"without \$\\varepsilon\$ it is (?P<output>MATH)", r"بدون $\varepsilon$ خروجی برابر <output> است"),
    (
        "training-mode batch norm of single images \\((?P<n>MATH)\\) of shape (?P<shape>MATH)",
        "نرمال‌سازی دسته‌ای در حالت آموزش روی تک‌تصویرها (<n>) به شکل <shape>",
    ),
    (
        r"every channel had a positive variance over its (?P<values>MATH) values and was centred",
        "هر کانال روی <values> مقدار خود واریانس مثبت داشت و میانگینش صفر شد",
    ),
    (
        r"some channel had no positive variance over its (?P<values>MATH) values or was not centred",
        "کانالی روی <values> مقدار خود واریانس مثبت نداشت یا میانگینش صفر نشد",
    ),
    (
        "symbolic gradient of a squared loss through batch norm, non-zero at a witness point",
        "گرادیان نمادین یک زیان مربعی از میان نرمال‌سازی دسته‌ای، ناصفر در یک نقطه‌ی شاهد",
    ),
    ("no witness point found", "هیچ نقطه‌ی شاهدی پیدا نشد"),
    # derivations/claims/batchnorm/oracle.py
    (
        _BATCH_NORM + ", without affine parameters",
        "torch.nn.BatchNorm1d و BatchNorm2d در حالت آموزش، بدون پارامترهای آفین",
    ),
    (
        _BATCH_NORM + ", random (?P<m_gamma>MATH and MATH)",
        "torch.nn.BatchNorm1d و BatchNorm2d در حالت آموزش، با <m_gamma> تصادفی",
    ),
    (_BATCH_NORM + ", (?P<m_values>MATH and MATH)", "torch.nn.BatchNorm1d و BatchNorm2d در حالت آموزش، با <m_values>"),
    (
        "running_mean and running_var of torch.nn.BatchNorm1d after one training batch",
        "running_mean و running_var در torch.nn.BatchNorm1d پس از یک دسته‌ی آموزشی",
    ),
    (
        r"channel (?P<c>\d+): PyTorch keeps (?P<mean>MATH) and (?P<variance>MATH) "
        r"\(the NumPy model of PyTorch's convention agrees\)",
        "کانال <c>: PyTorch مقدارهای <mean> و <variance> را نگه می‌دارد (مدل NumPy از قرارداد PyTorch هم همین را می‌دهد)",
    ),
    (
        r"with momentum None \(a cumulative average\) it keeps (?P<mean>MATH) and (?P<variance>MATH)",
        "با تکانه‌ی None (میانگین تجمعی) مقدارهای <mean> و <variance> را نگه می‌دارد",
    ),
    ("torch.nn.BatchNorm1d in eval and train mode", "torch.nn.BatchNorm1d در حالت ارزیابی و حالت آموزش"),
    (
        "in eval mode a sample's output (?P<t_same>is the same|differs) alone, in its batch and in the NumPy inference",
        "در حالت ارزیابی، خروجی یک نمونه به‌تنهایی، درون دسته‌اش و در استنتاج NumPy <t_same>",
    ),
    (
        "in train mode it (?P<t_depends>depends|does not depend) on the batch",
        "در حالت آموزش، خروجی به دسته <t_depends>",
    ),
    (
        "torch.nn.BatchNorm1d in training mode on a batch of one sample",
        "torch.nn.BatchNorm1d در حالت آموزش روی دسته‌ای تک‌نمونه‌ای",
    ),
    (
        "refused an input of shape (?P<shape>MATH) with a ValueError: (?P<t_reason>.+)",
        "ورودی‌ای به شکل <shape> را با خطای ValueError نپذیرفت: «<t_reason>»",
    ),
    ("accepted an input of shape (?P<shape>MATH)", "ورودی‌ای به شکل <shape> را پذیرفت"),
    ("torch.nn.BatchNorm2d in training mode with (?P<n>MATH)", "torch.nn.BatchNorm2d در حالت آموزش با <n>"),
    (
        "torch.nn.BatchNorm1d parameters and the gradient of a loss",
        "پارامترهای torch.nn.BatchNorm1d و گرادیان یک تابع زیان نسبت به آن‌ها",
    ),
    (
        r"parameters (?P<t_names>[\w, ]+) \(\$\\gamma\$ is weight, \$\\beta\$ is bias\), (?P<t_gradient>.+)",
        r"پارامترها: <t_names> ($\gamma$ همان weight و $\beta$ همان bias است)، <t_gradient>",
    ),
    (r"buffers (?P<t_names>[\w, ]+)", "بافرها: <t_names>"),
)
