"""Q1(c)-(e), dropout, batch normalization and autoencoders: the Persian of each reading, caption and summary.

Keyed by claim id (:mod:`convproof.derivations.claims.dropout`, ``.batchnorm``, ``.autoencoder``);
the mathematics is the English's own, character for character.
"""

from __future__ import annotations

__all__ = ["CAPTIONS", "NOTES", "NOTE_TEXTS", "PROSE"]

_INVERTED = (
    r"مقادیر نگه‌داشته‌شده بر $1 - p$ تقسیم می‌شوند (دراپ‌اوت وارون، مانند PyTorch و Keras)، پس صفر یعنی حذف‌شده و هر "
    r"مقدار نگه‌داشته‌شده باید برابر $x/(1-p)$ باشد."
)
_AXES_2D = r" گزاره: محورهایی که یک قرعه‌ی تصادفی پوشش می‌دهد، با چیدمان $(N, C, H, W)$. " + _INVERTED
_AXES_3D = r" گزاره: محورهایی که یک قرعه‌ی تصادفی پوشش می‌دهد، با چیدمان $(N, C, D, H, W)$. " + _INVERTED
_EXAMPLE = (
    " گزارش ابعاد مثال را به ترتیب (پهنا، ارتفاع، عمق، کانال‌ها)، با کانال‌ها در آخر، می‌آورد؛ torch.nn.Dropout3d "
    r"چیدمان $(N, C, D, H, W)$ را می‌خواهد، پس نمونه برای اوراکل به $(1, 3, 32, 32, 32)$ جایگشت داده می‌شود."
)

_DROPOUT_NOTES = {
    "dropout.element_cells": "دراپ‌اوت معمولی خانه‌های تکی هر نقشه‌ی ویژگی را به‌طور تصادفی صفر می‌کند (جمله‌ی "
    "گزارش واژه‌ی «دراپ‌اوت» را پیش از «عادی» انداخته است)." + _AXES_2D,
    "dropout.dropout2d_feature_maps": "Dropout2D کل نقشه‌های ویژگی را صفر می‌کند: یک قرعه برای هر (نمونه، کانال) "
    r"همه‌ی $H \times W$ خانه‌ی آن را پوشش می‌دهد." + _AXES_2D,
    "dropout.element_voxels": "دراپ‌اوت معمولی روی داده‌ی حجمی وکسل‌های تکی را، از هر کانال یا عمقی، صفر می‌کند."
    + _AXES_3D,
    "dropout.dropout3d_channels": "Dropout3D همه‌ی داده‌های یک کانال را صفر می‌کند: یک قرعه برای هر (نمونه، کانال) "
    r"همه‌ی $D \times H \times W$ وکسل آن را پوشش می‌دهد." + _AXES_3D,
    "dropout.both_drop_channels": "Dropout2D و Dropout3D هر دو کل کانال‌ها را خاموش می‌کنند. " + _INVERTED,
    "dropout.example_3d_shape": r"Dropout3D روی نمونه‌ی $32 \times 32 \times 32 \times 3$ گزارش: 3 واحد (کانال) که "
    r"هر کدام $32 \times 32 \times 32$ عنصر دارد." + _EXAMPLE,
    "dropout.example_some_channels": r"از سه کانال مثال، هر کدام با احتمال $p$ به‌طور کامل صفر می‌شود: شمار "
    r"کانال‌های صفرشده در 12 قرعه برای نمونه از توزیع $\operatorname{Binomial}(3 \times 12, p)$ پیروی می‌کند." + _EXAMPLE,
    "dropout.inverted_scaling_expectation": r"با مقیاس‌گذاری وارون $1/(1 - p)$، دراپ‌اوت (عنصری یا کانالی) همه‌ی "
    r"امیدهای ریاضی را حفظ می‌کند: $E[y] = x$.",
}

_BATCHNORM_NOTES = {
    "batchnorm.standardise": "اگر فرمول روی همه‌ی مقادیر یک ویژگی در یک دسته‌ی کوچک اعمال شود، باید میانگین 0 و "
    r"واریانس 1 بدهد. $=$ در اینجا انتساب است ($X_i$ بازنویسی می‌شود). $\mathrm{StdDev}_i$ به‌صورت انحراف معیار اریب "
    "(انحراف معیار جامعه) خوانده شده، همان که نرمال‌سازی دسته‌ای به کار می‌برد؛ با انحراف معیار نااریب واریانس "
    r"$(n-1)/n$ می‌شد. گزارش $\varepsilon$ ندارد؛ PyTorch مقدار $\varepsilon = 10^{-5}$ را به واریانس $V$ می‌افزاید، "
    r"پس واریانس خروجی آن $V/(V + \varepsilon)$ است.",
    "batchnorm.per_feature_minibatch": "نرمال‌سازی دسته‌ای برای هر ویژگی (برای هر کانال یک لایه‌ی کانولوشنی، روی "
    r"$N$، $H$ و $W$) و برای هر دسته‌ی کوچک، میانگین و واریانس را حساب و داده‌ها را نرمال می‌کند: میانگین 0 و "
    r"واریانس 1، تا حد $\varepsilon$ (واریانس $V/(V + \varepsilon)$ برای واریانس دسته‌ی $V$).",
    "batchnorm.scale_shift": r"پس از $y = \gamma \hat{x} + \beta$، $\gamma$ و $\beta$ میانگین و پراکندگی تازه را "
    r"تعیین می‌کنند: میانگین $\beta$ و انحراف معیار $|\gamma|$ (واریانس $\gamma^2$)، که از واژه‌های گزارش خوانده "
    r"شده؛ گزارش فرمولی نمی‌دهد (شکلش موجود نیست). $\gamma$ می‌تواند منفی باشد.",
    "batchnorm.ema_initial_values": "گزارش می‌گوید میانگین‌های متحرک از میانگین و واریانس نخستین دسته‌ی کوچک آغاز "
    "می‌شوند، یعنی پس از نخستین دسته با آن برابرند. هر دو چارچوب آن‌ها را با میانگین 0 و واریانس 1 آغاز می‌کنند و با "
    "هر دسته کسری از راه را به سوی آن می‌برند. واریانس دسته اریب خوانده شده؛ تفاوتش با واریانس نااریب در اینجا "
    "چیزی را تعیین نمی‌کند.",
    "batchnorm.inference_running_stats": "در زمان آزمون، آمار جاری جای آمار دسته را می‌گیرد، پس هر نمونه به‌تنهایی "
    "نرمال می‌شود: خروجی‌اش به‌تنهایی یا در هر دسته‌ای یکسان است، در حالی که در آموزش به دسته وابسته است.",
    "batchnorm.single_sample_no_statistics": "با یک نمونه برای هر ویژگی، آمار دسته تبهگن است (واریانس 0): فرمول "
    r"$0/0$ می‌دهد و با $\varepsilon$ هر ورودی به $\beta$ نگاشته می‌شود. برای ویژگی‌های یک لایه‌ی تمام‌متصل خوانده "
    "شده، همان‌طور که بخش گزارش توصیف می‌کند؛ برای نقشه‌های ویژگی کانولوشنی "
    "batchnorm.single_image_statistics را ببینید.",
    "batchnorm.single_image_statistics": r"در یک لایه‌ی کانولوشنی، یک تصویر هنوز برای هر کانال $H \times W$ مقدار "
    r"دارد، پس torch.nn.BatchNorm2d می‌تواند برای $N = 1$ آمار دسته‌ی (ناتبهگن) را حساب کند؛ بنابراین آمار جاری در زمان "
    "آزمون برای مستقل کردن خروجی از دسته است، نه به سبب ناممکن بودن محاسبه.",
    "batchnorm.parameters_learned": r"$\gamma$ و $\beta$ با آموزش (کاهش گرادیان) آموخته می‌شوند؛ آمار جاری آموخته "
    "نمی‌شود.",
}

_AUTOENCODER_NOTES = {
    "autoencoder.bottleneck_less_detail": "هرچه گلوگاه (کد) کوچک‌تر باشد، رمزگشا جزئیات کمتری را می‌تواند بازسازی "
    "کند: برای خودرمزگذار خطی بهینه نشان داده شده، که خطای بازسازی‌اش با کوچک شدن کد اکیداً افزایش می‌یابد (برای "
    "داده‌هایی با مقادیر ویژه‌ی متمایز و مثبت).",
    "autoencoder.anomaly_threshold": "اگر یک ورودی آزمون با داده‌های آموزشی متفاوت باشد، خطای بازسازی‌اش از یک آستانه "
    "بیشتر می‌شود و ناهنجار شناخته می‌شود. همان‌گونه که گفته شده، برای هر ورودی متفاوتی خوانده شده؛ روی خودرمزگذار "
    "ساده‌ی گزارش با توابع فعال‌سازی همانی (یک خودرمزگذار خطی) بررسی شده که روی داده‌هایی نزدیک یک زیرفضای دوبعدی "
    "آموزش دیده و بزرگ‌ترین خطای آموزش آستانه‌ی آن است: برای ورودی‌ای دور از همه‌ی داده‌های آموزشی ولی درون "
    "زیرفضای آموخته‌شده، و برای ورودی‌هایی که از آن زیرفضا بیرون برده شده‌اند.",
    "autoencoder.linear_pca_optimum": r"Baldi و Hornik (1989): خودرمزگذار خطی با کد $k$-بعدی در نقطه‌ی بهینه‌اش "
    r"زیرفضای اصلی $k$ مؤلفه‌ی نخست را می‌پوشاند و میانگین مربع خطای بازسازی‌اش برابر مجموع مقادیر ویژه‌ی "
    r"کنارگذاشته‌شده‌ی ماتریس کوواریانس (نرمال‌شده با $1/n$) است.",
}

NOTES = {**_DROPOUT_NOTES, **_BATCHNORM_NOTES, **_AUTOENCODER_NOTES}

CAPTIONS = {
    "dropout.example_3d_shape": (r"چیدمان PyTorch یعنی $(N, C, D, H, W)$ برای نمونه",),
    "dropout.inverted_scaling_expectation": (r"$y = x m / (1 - p)$ با $m \sim \operatorname{Bernoulli}(1 - p)$",),
    "batchnorm.standardise": ("میانگین دسته", "واریانس اریب دسته"),
    "batchnorm.scale_shift": (r"$y_j = \gamma z_j + \beta$ روی دسته‌ی استانداردشده",),
    "batchnorm.ema_initial_values": (
        r"PyTorch: آغاز از $(0, 1)$، سپس $r \leftarrow 0.9\,r + 0.1\,b$، با واریانس نااریب",
        r"Keras: آغاز از $(0, 1)$، سپس $r \leftarrow 0.99\,r + 0.01\,b$، با واریانس اریب",
    ),
}

# Readings of claims another report's text makes (keyed by the English reading itself)
NOTE_TEXTS = {
    "Inverted dropout: each kept unit is scaled by $1/(1 - p)$ while training ($p$ the rate of dropped "
    "units), so $E[y] = x$ and the network is used unscaled at test time, as PyTorch's nn.Dropout does.": (
        "دراپ‌اوت وارون: هر واحد نگه‌داشته هنگام آموزش در $1/(1 - p)$ ضرب می‌شود ($p$ نرخ واحدهای حذف‌شده)، پس "
        "$E[y] = x$ و شبکه هنگام آزمون بدون مقیاس‌گذاری به کار می‌رود، همان کاری که nn.Dropout در PyTorch می‌کند."
    ),
}

PROSE = {
    "dropout.prose_dropout2d_use": "Dropout2D در لایه‌های کانولوشنی دوبعدی و بیشتر در پردازش تصویر به کار می‌رود.",
    "dropout.prose_on_feature_maps": "در شبکه‌های کانولوشنی، دراپ‌اوت روی نقشه‌های ویژگی (نقشه‌های فعال‌سازی) اعمال می‌شود.",
    "dropout.prose_spatial_rationale": "چون کانولوشن‌ها موقعیت مکانی را می‌بینند، دراپ‌اوت آن‌ها نیز باید مکانی باشد.",
    "dropout.prose_neighbours_leak": "حذف یک خانه همسایه‌های هم‌بسته‌اش را فعال باقی می‌گذارد که هنوز اطلاعات آن را "
    "با خود دارند (استدلال Tompson و همکاران، 2015).",
    "dropout.prose_dropout3d_use": "Dropout3D برای داده‌های حجمی مانند ویدئوها و تصاویر پزشکی به کار می‌رود.",
    "batchnorm.prose_ema_alpha": r"$\alpha$ تعیین می‌کند مقادیر جاری پیشین چه وزنی دارند: همان تکانه‌ی Keras "
    r"(0.99)؛ به زبان PyTorch، $\alpha$ برابر یک منهای تکانه است ($1 - 0.1 = 0.9$).",
    "batchnorm.prose_between_hidden_layers": "لایه‌ی نرمال‌سازی دسته‌ای میان دو لایه‌ی پنهان می‌نشیند و خروجی‌های "
    "یکی را پیش از رسیدن به دیگری نرمال می‌کند.",
    "batchnorm.prose_layers_differ": "هر لایه‌ی نرمال‌سازی دسته‌ای پارامترهای خودش را دارد.",
    "batchnorm.prose_before_activation": "نرمال‌سازی دسته‌ای گاهی پیش از تابع فعال‌سازی اعمال می‌شود.",
    "autoencoder.prose_vanilla_one_layer": "خودرمزگذارهای ساده یک لایه در رمزگذار و یک لایه در رمزگشا دارند.",
    "autoencoder.prose_fewer_neurons": "لایه‌ی رمزگذار معمولاً نورون‌های کمتری از ورودی دارد و تصویر را فشرده می‌کند.",
    "autoencoder.prose_dense_layers": "لایه‌های یک خودرمزگذار ساده تمام‌متصل‌اند.",
    "autoencoder.prose_ideal_identity": "در حالت ایدئال، خروجی با ورودی برابر است.",
    "autoencoder.prose_convolutional": "خودرمزگذارهای کانولوشنی به‌جای لایه‌های تمام‌متصل از لایه‌های کانولوشنی "
    "استفاده می‌کنند.",
    "autoencoder.prose_three_parts": "خودرمزگذار یک رمزگذار، یک گلوگاه و یک رمزگشا دارد.",
    "autoencoder.prose_encoder_features": "رمزگذار بخش استخراج ویژگی است.",
    "autoencoder.prose_bottleneck_code": "به گلوگاه «کد» هم گفته می‌شود.",
    "autoencoder.prose_decoder_images": "رمزگشا ویژگی‌ها را دوباره به تصویر تبدیل می‌کند.",
    "autoencoder.prose_storage": "کدها از تصاویر کوچک‌ترند، پس فضای ذخیره‌سازی کمتری می‌گیرند.",
    "autoencoder.prose_denoising": "خودرمزگذارها می‌توانند تصاویر را بدون نویز بازسازی کنند (نویززدایی).",
    "autoencoder.prose_gan": "در ترکیب با شبکه‌های مولد تخاصمی (GAN) می‌توانند تصاویر تازه تولید کنند.",
    "autoencoder.prose_transfer_learning": "می‌توانند بخشی از یک شبکه‌ی یادگیری انتقالی باشند.",
}
