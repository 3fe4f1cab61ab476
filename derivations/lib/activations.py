"""The activation functions in SymPy, as PyTorch defines them.

Each function takes a SymPy expression (usually the real symbol ``x``) and
returns the activation as an expression, written as PyTorch documents it in
``torch.nn`` (https://pytorch.org/docs/stable/nn.html#non-linear-activations-weighted-sum-nonlinearity);
Sinc and the step function, which no framework defines as an activation,
follow their standard mathematical definitions.

Kinks are ``Piecewise`` with the boundary given to the side whose derivative
PyTorch's autograd returns there (``relu'(0) = 0``, ``leaky_relu'(0) = slope``,
``hardswish'(-3) = 0``, ...), so ``sp.diff`` agrees with autograd everywhere.
``Max``/``Min`` are avoided on purpose: SymPy differentiates them through
``Heaviside``, whose value 1/2 at 0 matches no framework.

The report's claims about them are in :mod:`convproof.derivations.claims.activations`.
"""

from __future__ import annotations

import sympy as sp

from .expressions import validated
from .gaussian import normal_cdf
from .selu import selu_alpha, selu_lambda

# PyTorch's documented defaults (torch.nn.LeakyReLU, ELU, RReLU, Hardshrink/Softshrink, PReLU init).
LEAKY_SLOPE = sp.Rational(1, 100)
ELU_ALPHA = sp.Integer(1)
RRELU_LOWER, RRELU_UPPER = sp.Rational(1, 8), sp.Rational(1, 3)
SHRINK_LAMBDA = sp.Rational(1, 2)
PRELU_INIT = sp.Rational(1, 4)
# Hendrycks & Gimpel (2016), "Gaussian Error Linear Units", section 2: the constants of the two approximations.
GELU_TANH_CUBIC = sp.Rational(44715, 10**6)
GELU_SIGMOID_SCALE = sp.Rational(1702, 1000)


def sigmoid(x: sp.Basic) -> sp.Basic:
    """torch.nn.Sigmoid: 1 / (1 + exp(-x)).

    >>> sigmoid(sp.Integer(0))
    1/2
    """
    return 1 / (1 + sp.exp(-x))


def tanh(x: sp.Basic) -> sp.Basic:
    """torch.nn.Tanh: the hyperbolic tangent.

    >>> tanh(sp.Symbol("x"))
    tanh(x)
    """
    return sp.tanh(x)


def relu(x: sp.Basic) -> sp.Basic:
    """torch.nn.ReLU: max(0, x); derivative 0 at the kink x = 0 (as autograd).

    >>> relu(sp.Symbol("x", real=True))
    Piecewise((x, x > 0), (0, True))
    """
    return sp.Piecewise((x, x > 0), (0, True))


def leaky_relu(x: sp.Basic, negative_slope: sp.Basic = LEAKY_SLOPE) -> sp.Basic:
    """torch.nn.LeakyReLU: x for x >= 0, else negative_slope * x (default 0.01).

    Derivative at 0: negative_slope (autograd's choice).

    >>> leaky_relu(sp.Integer(-3))
    -3/100
    """
    return sp.Piecewise((x, x > 0), (negative_slope * x, True))


def prelu(x: sp.Basic, a: sp.Basic = PRELU_INIT) -> sp.Basic:
    """torch.nn.PReLU: x for x >= 0, else a x, with a learnt (initialised to 0.25).

    Derivative at 0: a, as autograd.

    >>> a = sp.Symbol("a")
    >>> prelu(sp.Integer(-2), a)
    -2*a
    """
    return leaky_relu(x, a)


def rrelu(x: sp.Basic, lower: sp.Basic = RRELU_LOWER, upper: sp.Basic = RRELU_UPPER, slope: sp.Basic | None = None):
    """torch.nn.RReLU, its closed-form part: x for x >= 0, else slope * x.

    In training the slope is drawn from U(lower, upper) for every element;
    ``slope`` is that draw. Without it, the evaluation-mode slope
    (lower + upper) / 2 is used. Derivative at 0: the slope, as autograd.

    >>> rrelu(sp.Integer(-24))
    -11/2
    """
    return leaky_relu(x, (lower + upper) / 2 if slope is None else slope)


def elu(x: sp.Basic, alpha: sp.Basic = ELU_ALPHA) -> sp.Basic:
    """torch.nn.ELU: x for x > 0, else alpha (exp(x) - 1); derivative alpha at 0.

    >>> elu(sp.Symbol("x", real=True))
    Piecewise((x, x > 0), (exp(x) - 1, True))
    """
    return sp.Piecewise((x, x > 0), (alpha * (sp.exp(x) - 1), True))


def selu(x: sp.Basic, alpha: sp.Basic | None = None, scale: sp.Basic | None = None) -> sp.Basic:
    """torch.nn.SELU: scale (max(0, x) + min(0, alpha (exp(x) - 1))), for alpha >= 0.

    Without arguments, alpha and scale are the self-normalising constants
    derived in :mod:`convproof.derivations.lib.selu` (in closed form). For
    alpha >= 0 the min/max form is the ELU scaled; derivative at 0: scale alpha.

    >>> a, l = sp.symbols("alpha lambda", positive=True)
    >>> selu(sp.Integer(-1), a, l)
    alpha*lambda*(-1 + exp(-1))
    """
    alpha = selu_alpha() if alpha is None else alpha
    scale = selu_lambda() if scale is None else scale
    return scale * elu(x, alpha)


def gelu(x: sp.Basic) -> sp.Basic:
    """torch.nn.GELU (approximate='none'): x Phi(x), Phi the standard normal CDF.

    >>> gelu(sp.Symbol("x"))
    x*(erf(sqrt(2)*x/2)/2 + 1/2)
    """
    return x * normal_cdf(x)


def gelu_tanh(x: sp.Basic, cubic: sp.Basic = GELU_TANH_CUBIC) -> sp.Basic:
    """torch.nn.GELU(approximate='tanh'): 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))).

    >>> gelu_tanh(sp.Integer(0))
    0
    """
    return x * (1 + sp.tanh(sp.sqrt(2 / sp.pi) * (x + cubic * x**3))) / 2


def gelu_sigmoid(x: sp.Basic, scale: sp.Basic = GELU_SIGMOID_SCALE) -> sp.Basic:
    """The sigmoid approximation of GELU, x sigma(1.702 x) (Hendrycks & Gimpel 2016).

    >>> gelu_sigmoid(sp.Symbol("x"))
    x/(1 + exp(-851*x/500))
    """
    return x * sigmoid(scale * x)


def silu(x: sp.Basic) -> sp.Basic:
    """torch.nn.SiLU (Swish with beta = 1): x sigma(x).

    >>> silu(sp.Symbol("x"))
    x/(1 + exp(-x))
    """
    return x * sigmoid(x)


def softplus(x: sp.Basic, beta: sp.Basic = 1) -> sp.Basic:
    """torch.nn.Softplus: log(1 + exp(beta x)) / beta.

    PyTorch returns x itself where beta x > 20 (threshold, for stability);
    the closed form here is the function that switch approximates.

    >>> softplus(sp.Integer(0))
    log(2)
    """
    return sp.log(1 + sp.exp(beta * x)) / beta


def mish(x: sp.Basic, beta: sp.Basic = 1) -> sp.Basic:
    """torch.nn.Mish: x tanh(softplus(x)); ``beta`` is Softplus's (PyTorch's Mish has beta = 1).

    >>> mish(sp.Symbol("x"))
    x*tanh(log(exp(x) + 1))
    """
    return x * sp.tanh(softplus(x, beta))


def hardswish(x: sp.Basic) -> sp.Basic:
    """torch.nn.Hardswish: 0 for x <= -3, x for x >= 3, x (x + 3) / 6 between.

    Derivatives at the kinks as autograd: 0 at x = -3, 1 at x = 3.

    >>> hardswish(sp.Integer(1))
    2/3
    """
    return sp.Piecewise((0, x <= -3), (x * (x + 3) / 6, x < 3), (x, True))


def hardsigmoid(x: sp.Basic) -> sp.Basic:
    """torch.nn.Hardsigmoid: 0 for x <= -3, 1 for x >= 3, x/6 + 1/2 between.

    Derivative 0 at both kinks, as autograd.

    >>> hardsigmoid(sp.Integer(0))
    1/2
    """
    return sp.Piecewise((0, x <= -3), (1, x >= 3), (x / 6 + sp.Rational(1, 2), True))


def softsign(x: sp.Basic) -> sp.Basic:
    """torch.nn.Softsign: x / (1 + |x|).

    >>> softsign(sp.Integer(-3))
    -3/4
    """
    return x / (1 + sp.Abs(x))


def hardtanh(x: sp.Basic, min_val: sp.Basic = -1, max_val: sp.Basic = 1) -> sp.Basic:
    """torch.nn.Hardtanh: min_val below min_val, max_val above max_val, x between.

    Derivative 0 at both kinks, as autograd.

    >>> hardtanh(sp.Integer(5))
    1
    """
    return sp.Piecewise((min_val, x <= min_val), (max_val, x >= max_val), (x, True))


def tanhshrink(x: sp.Basic) -> sp.Basic:
    """torch.nn.Tanhshrink: x - tanh(x).

    >>> tanhshrink(sp.Integer(0))
    0
    """
    return x - sp.tanh(x)


def softshrink(x: sp.Basic, lambd: sp.Basic = SHRINK_LAMBDA) -> sp.Basic:
    """torch.nn.Softshrink: x - lambda above lambda, x + lambda below -lambda, else 0.

    Derivative 0 at x = +-lambda, as autograd.

    >>> softshrink(sp.Integer(2))
    3/2
    """
    return sp.Piecewise((x - lambd, x > lambd), (x + lambd, x < -lambd), (0, True))


def hardshrink(x: sp.Basic, lambd: sp.Basic = SHRINK_LAMBDA) -> sp.Basic:
    """torch.nn.Hardshrink: x where |x| > lambda, else 0 (0 at x = +-lambda too).

    >>> hardshrink(sp.Rational(1, 2)), hardshrink(sp.Integer(-2))
    (0, -2)
    """
    return sp.Piecewise((x, x > lambd), (x, x < -lambd), (0, True))


def logsigmoid(x: sp.Basic) -> sp.Basic:
    """torch.nn.LogSigmoid: log(1 / (1 + exp(-x))).

    >>> logsigmoid(sp.Integer(0))
    -log(2)
    """
    return sp.log(sigmoid(x))


def step(x: sp.Basic, threshold: sp.Basic = 0) -> sp.Basic:
    """The unit step at ``threshold``: 0 below it, 1 from it on (H(0) = 1).

    No framework ships it as an activation; this is the Heaviside function
    shifted, with the value 1 at the jump (the convention of the chart). Its
    derivative is 0 wherever it exists.

    >>> step(sp.Integer(0)), step(sp.Integer(-1))
    (1, 0)
    """
    return sp.Piecewise((0, x < threshold), (1, True))


def sinc(x: sp.Basic) -> sp.Basic:
    """The unnormalised sinc, sin(x)/x with its limit 1 at 0 (SymPy's ``sinc``).

    ``torch.sinc`` is the normalised sin(pi x)/(pi x): a different function.

    >>> sinc(sp.Integer(0))
    1
    """
    return sp.sinc(x)


# every activation refuses text, None, sequences and matrices in one line (BadInputError)
for _name, _function in list(globals().items()):
    if callable(_function) and getattr(_function, "__module__", None) == __name__ and not _name.startswith("_"):
        globals()[_name] = validated(_function)
