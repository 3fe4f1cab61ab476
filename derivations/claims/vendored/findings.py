"""The root errors of the vendored report: which claims each one explains, and how serious it is.

This is declared data about one report, read by a teaching assistant: it groups
claims and explains them to the student. It decides nothing: a finding is shown
only when the checks judged one of its claims not verified, its correction is the
one the checks computed for the claim it names, and its messages state no number
that the checks compute.
"""

from __future__ import annotations

from ...finding import Finding

__all__ = ["FINDINGS"]

_RRMSE_MEANING = (
    "metrics.rrmse_relative_to_mean",
    "metrics.rrmse_band_excellent",
    "metrics.rrmse_band_good",
    "metrics.rrmse_band_fair",
    "metrics.rrmse_sales_example",
    "metrics.rrmse_two_products",
)
_CHARTS = (
    "activations.chart1_gelu",
    "activations.chart1_prelu",
    "activations.chart1_elu",
    "activations.chart1_hardswish",
    "activations.chart1_softsign",
    "activations.chart1_hard_sigmoid",
    "activations.chart2_softsign",
    "activations.chart2_leaky_relu",
)
_CASES = (
    "conv_grads.dv1_dz1_cases",
    "conv_grads.dL_dz1_cases",
    "conv_grads.dL_dz3_cases",
    "conv_grads.dv1_dz2_cases",
    "conv_grads.dv2_dz2_cases",
)

FINDINGS: tuple[Finding, ...] = (
    Finding(
        "rrmse_scale",
        "Q1",
        "a",
        "conceptual",
        ("metrics.rrmse", *_RRMSE_MEANING),
        {"en": "RRMSE without the $1/n$ of its denominator"},
        {
            "en": "Your RRMSE divides the mean squared error by the plain sum of the squared predictions, without "
            "its $1/n$, so it is the usual relative RMSE divided by $\\sqrt{n}$. The bands (10%, 20%, 30%) "
            "and the sales examples hold for the usual RRMSE, not for the formula as written.",
        },
        correction_from="metrics.rrmse",
    ),
    Finding(
        "selu_constants",
        "Q1",
        "b",
        "conceptual",
        ("activations.selu_hyperparameters",),
        {"en": "SELU's constants are not free hyperparameters"},
        {
            "en": "SELU's $\\alpha$ and $\\lambda$ are not chosen: they are fixed by the requirement that a standard normal "
            "input keeps mean 0 and variance 1, which is what self-normalising means.",
        },
        correction_from="activations.selu_hyperparameters",
    ),
    Finding(
        "gelu_approximations",
        "Q1",
        "b",
        "notation",
        ("activations.gelu_tanh_form", "activations.gelu_sigmoid_form"),
        {"en": "GELU's approximations written as equalities"},
        {
            "en": "The tanh and sigmoid forms are the standard approximations of GELU, not other ways to write it: "
            "write them with an approximately-equal sign. Their largest errors are certified below.",
        },
        fix={"en": "Write $\\mathrm{GELU}(x) \\approx$ (each form); the exact GELU is $x\\,\\Phi(x)$."},
    ),
    Finding(
        "max_form",
        "Q1",
        "b",
        "notation",
        ("activations.prelu", "activations.rrelu"),
        {"en": "$\\max(\\alpha x, x)$ holds only for $\\alpha \\le 1$"},
        {
            "en": "$\\max(\\alpha x, x)$ is the leaky form only while $\\alpha \\le 1$; PReLU learns $\\alpha$ and nothing keeps it below 1, "
            "so write the two cases instead.",
        },
        correction_from="activations.prelu",
    ),
    Finding(
        "chart_formulas",
        "Q1",
        "b",
        "transcription",
        _CHARTS,
        {"en": "Formulas copied from the charts lost symbols"},
        {
            "en": "Several formulas copied from the two charts lost symbols on the way (the bars of |x| in Softsign, "
            "a factor in GELU, a slope in PReLU and Leaky ReLU, the order of the pieces of the hard functions). "
            "Each entry below shows the framework's definition.",
        },
        fix={"en": "Take each definition from the framework's documentation rather than from the chart."},
    ),
    Finding(
        "ema_start",
        "Q1",
        "d",
        "conceptual",
        ("batchnorm.ema_initial_values",),
        {"en": "Running statistics do not start at the first batch"},
        {
            "en": "PyTorch and Keras start the running mean and variance at 0 and 1 and move them a little towards "
            "each batch; starting from the first batch is what PyTorch's cumulative mode (momentum=None) does, "
            "not the default.",
        },
        correction_from="batchnorm.ema_initial_values",
    ),
    Finding(
        "anomaly_subspace",
        "Q1",
        "e",
        "conceptual",
        ("autoencoder.anomaly_threshold",),
        {"en": "The threshold misses novel inputs inside the learned subspace"},
        {
            "en": "A large reconstruction error flags inputs that leave what the autoencoder learned to represent; "
            "an input far from every training sample but inside that subspace is reconstructed well and passes.",
        },
        fix={"en": "Say that the threshold flags inputs the code cannot represent, not every input that differs."},
    ),
    Finding(
        "batchnorm_parameters",
        "Q3",
        "",
        "conceptual",
        ("cnn_table.batchnorm.params",),
        {"en": "Batch norm's parameters are per channel"},
        {
            "en": "Batch norm has a $\\gamma$ and a $\\beta$ per channel, not one of each for the layer, and it also keeps a "
            "running mean and variance per channel (not trained).",
        },
        correction_from="cnn_table.batchnorm.params",
    ),
    Finding(
        "conv_parameters",
        "Q3",
        "",
        "computational",
        ("cnn_table.conv2.params",),
        {"en": "CONV5-16(3,2): parameter count"},
        {
            "en": "The bias is one per filter: $(k^2 C_{in} + 1) C_{out}$ for a $k \\times k$ kernel. Recount CONV5-16(3,2) with that formula."
        },
        correction_from="cnn_table.conv2.params",
    ),
    Finding(
        "dense_parameters",
        "Q3",
        "",
        "computational",
        ("cnn_table.fc.params",),
        {"en": "FC-10: the bias is missing"},
        {"en": "A dense layer also has one bias per output: $(n_{in} + 1)\\, n_{out}$."},
        correction_from="cnn_table.fc.params",
    ),
    Finding(
        "total",
        "Q3",
        "",
        "computational",
        ("cnn_table.total_sum", "cnn_table.total_params"),
        {"en": "The total parameter count"},
        {
            "en": "The sum of your own cells is not the total you state, and with the cells corrected the total "
            "changes again.",
        },
        correction_from="cnn_table.total_params",
    ),
    Finding(
        "q4_parameters",
        "Q4",
        "a",
        "transcription",
        ("conv_grads.parameters",),
        {"en": "A parameter $w_3$ that the network does not have"},
        {"en": "The network has two output weights, $w_1$ and $w_2$; there is no $w_3$."},
        fix={"en": "The parameters are $k_1, k_2, k_3, b, w_1, w_2$ and $a$."},
    ),
    Finding(
        "q4_sign",
        "Q4",
        "b",
        "computational",
        ("conv_grads.dL_dw1",),
        {"en": "A sign dropped in $\\partial L/\\partial w_1$"},
        {
            "en": "The first form of $\\partial L/\\partial w_1$ has a minus sign that the second drops: the loss factor is $\\hat y - y$."
        },
        correction_from="conv_grads.dL_dw1",
    ),
    Finding(
        "q4_max_cases",
        "Q4",
        "b",
        "conceptual",
        _CASES,
        {"en": "The max sends the gradient to its larger argument only"},
        {
            "en": "$v_1 = \\max(0, z_1, z_2)$ passes the gradient only to the larger of $z_1$ and $z_2$, and only "
            "when it is positive; your cases look at the signs alone and send it to both.",
        },
        fix={
            "en": "$\\partial v_1/\\partial z_1 = [z_1 \\ge z_2]\\,[\\max(z_1, z_2) > 0]$ and "
            "$\\partial v_1/\\partial z_2 = [z_2 > z_1]\\,[\\max(z_1, z_2) > 0]$ (a tie goes to the first, as in "
            "PyTorch); likewise for $v_2$ with $z_2$ and $z_3$."
        },
    ),
)
