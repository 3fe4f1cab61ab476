"""Persian of the qualitative claims' summaries: a prose claim's verdict carries its summary as its detail.

Keyed by the exact English of ``Claim.prose``; a summary reworded in its claim module needs its
Persian reworded here (tests/reports/test_fa_evidence.py says which).
"""

from __future__ import annotations

import re

__all__ = ["PATTERNS"]

_SUMMARIES = {
    "ReLU can cause dying ReLU, keeping neurons' values at zero.": (
        "ReLU ممکن است به پدیده‌ی «ReLU مرده» بینجامد و مقدار نورون‌ها را در صفر نگه دارد."
    ),
    r"PReLU's $\alpha$ is a parameter found during training, for the best accuracy.": (
        r"$\alpha$ در PReLU پارامتری است که در طول آموزش یافته می‌شود تا بهترین دقت به دست آید."
    ),
    (
        r"RReLU's $\alpha$ is random, drawn from a uniform distribution over a preset range, so that the loss is "
        "least (in fact the draw is random; nothing selects it for the loss)."
    ): (
        r"$\alpha$ در RReLU تصادفی است و از توزیعی یکنواخت روی بازه‌ای از پیش تعیین‌شده برداشته می‌شود تا زیان "
        "کمینه شود (در واقع این برداشت تصادفی است و چیزی آن را برای کمینه‌کردن زیان برنمی‌گزیند)."
    ),
    "The ELU family decreases with a small exponential slope for negative inputs.": (
        "توابع خانواده‌ی ELU برای ورودی‌های منفی با شیبی نمایی و کوچک کاهش می‌یابند."
    ),
    r"$\Phi$ is the cumulative distribution function (of the standard normal).": (
        r"$\Phi$ تابع توزیع تجمعی (توزیع نرمال استاندارد) است."
    ),
    "GELU was created from the idea of merging ReLU and dropout (Hendrycks & Gimpel 2016).": (
        "GELU از ایده‌ی ادغام ReLU و دراپ‌اوت پدید آمده است (هندریکس و گیمپل، 2016)."
    ),
    "Dropout2D is used in 2D convolutional layers, mostly in image processing.": (
        "Dropout2D در لایه‌های کانولوشنی دوبعدی به کار می‌رود، بیشتر در پردازش تصویر."
    ),
    "In CNNs dropout acts on the feature (activation) maps.": (
        "در شبکه‌های عصبی پیچشی، دراپ‌اوت روی نقشه‌های ویژگی (نقشه‌های فعال‌سازی) عمل می‌کند."
    ),
    "Since convolutions see spatial position, their dropout should be spatial too.": (
        "چون کانولوشن‌ها موقعیت مکانی را می‌بینند، دراپ‌اوت آن‌ها هم باید مکانی باشد."
    ),
    (
        "Dropping one cell leaves its correlated neighbours active, which still carry its information "
        "(the argument of Tompson et al., 2015)."
    ): (
        "حذف یک خانه همسایه‌های هم‌بسته‌ی آن را فعال نگه می‌دارد و آن‌ها همچنان اطلاعاتش را منتقل می‌کنند "
        "(استدلال تامپسون و همکاران، 2015)."
    ),
    "Dropout3D is used for volumetric data such as videos and medical images.": (
        "Dropout3D برای داده‌های حجمی مانند ویدیو و تصویرهای پزشکی به کار می‌رود."
    ),
    (
        r"$\alpha$ sets how much the previous running values weigh: Keras's momentum (0.99); in PyTorch's terms "
        r"$\alpha$ is one minus the momentum ($1 - 0.1 = 0.9$)."
    ): (
        r"$\alpha$ تعیین می‌کند مقدارهای جاری پیشین چه وزنی داشته باشند: همان تکانه‌ی Keras (0.99)؛ به زبان "
        r"PyTorch، $\alpha$ برابر یک منهای تکانه است ($1 - 0.1 = 0.9$)."
    ),
    "A batch-norm layer sits between two hidden layers and normalises the outputs of one before the next.": (
        "لایه‌ی نرمال‌سازی دسته‌ای میان دو لایه‌ی پنهان می‌نشیند و خروجی‌های یکی را پیش از ورود به دیگری نرمال می‌کند."
    ),
    "Each batch-norm layer has its own parameters.": "هر لایه‌ی نرمال‌سازی دسته‌ای پارامترهای خود را دارد.",
    "Batch norm is sometimes applied before the activation function.": (
        "نرمال‌سازی دسته‌ای گاهی پیش از تابع فعال‌سازی اعمال می‌شود."
    ),
    "Vanilla autoencoders have one layer in the encoder and one in the decoder.": (
        "خودرمزگذارهای ساده یک لایه در رمزگذار و یک لایه در رمزگشا دارند."
    ),
    "The encoder layer usually has fewer neurons than the input, compressing the image.": (
        "لایه‌ی رمزگذار معمولاً نورون‌های کمتری از ورودی دارد و تصویر را فشرده می‌کند."
    ),
    "The layers of a vanilla autoencoder are fully connected.": "لایه‌های یک خودرمزگذار ساده تمام‌متصل‌اند.",
    "Ideally the output equals the input.": "در حالت آرمانی خروجی با ورودی برابر است.",
    "Convolutional autoencoders use convolutional layers instead of dense ones.": (
        "خودرمزگذارهای کانولوشنی به جای لایه‌های تمام‌متصل از لایه‌های کانولوشنی استفاده می‌کنند."
    ),
    "An autoencoder has an encoder, a bottleneck and a decoder.": "هر خودرمزگذار یک رمزگذار، یک گلوگاه و یک رمزگشا دارد.",
    "The encoder is the feature-extraction part.": "رمزگذار بخش استخراج ویژگی است.",
    "The bottleneck is also called the code.": "به گلوگاه، کد هم گفته می‌شود.",
    "The decoder turns features back into an image.": "رمزگشا ویژگی‌ها را دوباره به تصویر برمی‌گرداند.",
    "Codes are smaller than images, so they take less storage.": "کدها از تصویرها کوچک‌ترند و فضای ذخیره‌سازی کمتری می‌گیرند.",
    "Autoencoders can reconstruct images without noise (denoising).": (
        "خودرمزگذارها می‌توانند تصویرها را بدون نویز بازسازی کنند (نویززدایی)."
    ),
    "Combined with GANs they can generate new images.": (
        "در ترکیب با شبکه‌های مولد تخاصمی (GAN) می‌توانند تصویرهای تازه تولید کنند."
    ),
    "They can serve as part of a transfer-learning network.": ("می‌توانند بخشی از یک شبکه‌ی یادگیری انتقالی باشند."),
    "Dilated convolution enlarges the field of view.": "کانولوشن گسترش‌یافته میدان دید را بزرگ می‌کند.",
    "With dilated convolutions no pooling of any kind is needed any more.": (
        "با کانولوشن‌های گسترش‌یافته دیگر به هیچ نوع ادغامی نیازی نیست."
    ),
    "The resolution is preserved.": "وضوح حفظ می‌شود.",
    "Memory use may be high.": "مصرف حافظه ممکن است زیاد باشد.",
    "The parameter cell of the ReLU row holds Persian words, not a number.": (
        "خانه‌ی پارامترهای سطر ReLU به جای عدد، واژه‌های فارسی دارد."
    ),
    "The network is backpropagated like an MLP ('جان' read as a typo of 'مثل', like).": (
        "پس‌انتشار در این شبکه مانند یک MLP انجام می‌شود («جان» غلط تایپی «مثل» خوانده شده است)."
    ),
}

PATTERNS = tuple((re.compile(re.escape(english)), persian) for english, persian in _SUMMARIES.items())
