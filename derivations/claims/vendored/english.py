"""English translations of the vendored report's Persian sources, for the English edition.

A claim's ``source`` quotes the report verbatim, so for most claims it is Persian. ``ENGLISH`` maps
the id of every claim whose source holds Persian to a faithful translation of what the student
wrote: not an interpretation and not a correction. Formulas, identifiers and the student's own
English terms are kept as they appear; Persian technical terms become the standard English ones;
a typo or slip is translated by its evident meaning. Claims whose source is already English have
no entry.

>>> english("conv_grads.z2_two_paths")
'We have 2 paths'
>>> english("no.such_claim") is None
True
"""

from __future__ import annotations

__all__ = ["ENGLISH", "english"]

ENGLISH: dict[str, str] = {
    # Q1 (a): regression metrics
    "metrics.nrmse_mean": "The mean",
    "metrics.nrmse_max": "The maximum value among the actual values",
    "metrics.nrmse_range": "The difference between the maximum and minimum values among the actual values",
    "metrics.nrmse_std": "Standard deviation",
    "metrics.nrmse_iqr": "Interquartile range",
    "metrics.nrmse_scales": (
        "We use this measure when we want to test our model on a dataset that has a wide range of different scales."
    ),
    "metrics.rrmse_relative_to_mean": (
        "In fact, in this measure we compute the MSE relative to the mean of the predicted data. "
        "In effect, we state how accurate our model is relative to the mean."
    ),
    "metrics.rrmse_percentage": "The output can be expressed as a percentage",
    "metrics.rrmse_band_excellent": "Less than 10%: the model performs excellently.",
    "metrics.rrmse_band_good": "Between 10 and 20%: the model performs well.",
    "metrics.rrmse_band_fair": "Between 20 and 30%: the model performs moderately.",
    "metrics.rrmse_band_poor": "More than 30%: the model performs poorly.",
    "metrics.rrmse_sales_example": (
        "Assuming this store has on average ten thousand dollars of sales per month, if its RRMSE is 10%, "
        "that means there is an error of a thousand dollars."
    ),
    "metrics.rrmse_two_products": (
        "Suppose both products have the same RRMSE but their average sales differ. "
        "This means the model has a larger error in predicting the sales of one of them."
    ),
    # Q1 (b): activation functions
    "activations.elu_alpha": "$\\alpha$ is usually one.",
    "activations.prose_relu": "It can cause *dying ReLU*, which keeps the neurons' values at zero",
    "activations.prose_prelu": "Is a parameter that is found during *training*, such that we get the best accuracy.",
    "activations.prose_rrelu": (
        "Is a random number chosen from a uniform distribution, that is, a predetermined interval, "
        "such that we get the lowest *loss*."
    ),
    "activations.prose_elu": "For negative inputs, they decrease with a small exponential slope.",
    "activations.selu_hyperparameters": (
        "Are hyperparameters that are chosen; this function is able to scale its own output "
        "and can have a self-normalized state."
    ),
    "activations.prose_gelu": "This function was created from the idea of combining ReLU and the Dropout operation.",
    # Q1 (c): Dropout2D and Dropout3D
    "dropout.element_cells": (
        "The ordinary one, in general, randomly selects a number of cells from each feature map and sets them to zero"
    ),
    "dropout.dropout2d_feature_maps": (
        "But DropOut2D randomly selects a number of feature maps and sets all of their cells to zero"
    ),
    "dropout.element_voxels": (
        "Ordinary Dropout randomly sets to zero a number of voxels (volume elements), "
        "which can be from any of the channels or depths"
    ),
    "dropout.dropout3d_channels": "But DropOut3D sets all the data of a channel to zero",
    "dropout.both_drop_channels": "In general, these two dropouts switch channels off and set them to zero",
    "dropout.example_some_channels": (
        "That is, in the example above, where we have three channels, depending on the dropout rate, "
        "some of them are set to zero"
    ),
    "dropout.prose_dropout2d_use": (
        "This type of dropout is used in two-dimensional convolutional layers, and mostly in image processing"
    ),
    "dropout.prose_on_feature_maps": "In CNNs, dropout is applied to the feature map, also called the activation map",
    "dropout.prose_spatial_rationale": (
        "Since convolutional layers can see the effect of spatial position in images, "
        "it is better for their dropout to be the same way too"
    ),
    "dropout.prose_neighbours_leak": (
        "On the other hand, if we switch off only one cell, the surrounding cells, if they have a spatial relation "
        "with that cell, still exert their influence and increase the likelihood of overfit"
    ),
    "dropout.prose_dropout3d_use": (
        "This type of dropout is used for data such as videos or medical images (volumetric data)"
    ),
    # Q1 (d): batch normalization
    "batchnorm.per_feature_minibatch": (
        "First, for each mini-batch, the mean and variance of each feature "
        "(which here are the outputs of the activation function) are computed"
    ),
    "batchnorm.scale_shift": (
        "This is where $\\gamma$ and $\\beta$ come in, to bring this mean and variance into the best form in training"
    ),
    "batchnorm.ema_initial_values": "Naturally, its initial values are the mean and variance of the mini-batch",
    "batchnorm.inference_running_stats": (
        "In the test phase, where we have only one data sample and not a batch of data, "
        "we use these values for normalizing"
    ),
    "batchnorm.single_sample_no_statistics": (
        "Because there is now only one data sample, and the mean or variance cannot be computed"
    ),
    "batchnorm.parameters_learned": "$\\beta$ and $\\gamma$ are found through training",
    "batchnorm.prose_ema_alpha": "The value of $\\alpha$ controls how much influence the previous values have",
    "batchnorm.prose_between_hidden_layers": (
        "So the batch norm layer is placed between two hidden layers to normalize the output of a layer's neurons "
        "before it enters the neurons of the next layer"
    ),
    "batchnorm.prose_layers_differ": (
        "The batch norm layers between different hidden layers are not necessarily the same "
        "and can have different parameters"
    ),
    "batchnorm.prose_before_activation": "Sometimes the batch norm layer is also applied before the activation function",
    # Q1 (e): autoencoders
    "autoencoder.bottleneck_less_detail": (
        "Has access to fewer features, and the images it builds will have less detail"
    ),
    "autoencoder.anomaly_threshold": (
        "If the test data differs from the data that is in the training set and that it has seen, "
        "the error at the output exceeds a threshold value, from which we know that the images differ"
    ),
    "autoencoder.prose_vanilla_one_layer": (
        "The simplest type of autoencoders are the simple vanilla ones, "
        "which consist of one layer in their encoder and decoder"
    ),
    "autoencoder.prose_fewer_neurons": (
        "Then an encoder layer, whose number of neurons is usually smaller than that of the input layer, "
        "to bring the images to smaller, more compressed dimensions"
    ),
    "autoencoder.prose_dense_layers": "The layers are fully-connected (dense)",
    "autoencoder.prose_ideal_identity": "The values of the input and output layers are identical in the ideal case",
    "autoencoder.prose_convolutional": (
        "Convolutional Autoencoders are made of layers with a convolutional structure instead of dense layers, "
        "which are widely used in image processing"
    ),
    "autoencoder.prose_three_parts": (
        "autoencoders are a neural network structure consisting of an encoder part, a bottleneck part "
        "and a decoder part"
    ),
    "autoencoder.prose_encoder_features": "This part is in fact the feature extraction part",
    "autoencoder.prose_bottleneck_code": "This part is also called the code",
    "autoencoder.prose_decoder_images": "This part is the part where the features are turned into an image",
    "autoencoder.prose_storage": (
        "In the first place, since the dimensions of the images shrink, they take up less storage space"
    ),
    "autoencoder.prose_denoising": (
        "One of their many applications is that they can reconstruct images in a noise-free form (denoising)"
    ),
    "autoencoder.prose_gan": (
        "By combining these kinds of network structures with GAN networks, they can generate new images"
    ),
    "autoencoder.prose_transfer_learning": "They can also be used as part of a transfer learning network",
    # Q2: dilated convolution
    "dilated.prose_field_of_view": "Using dilated convolution, the field of view increases.",
    "dilated.prose_no_pooling": "With dilated convolutions there will no longer be any need to use the kinds of pooling.",
    "dilated.prose_resolution": "Also, the resolution will be preserved.",
    "dilated.prose_memory": "We may have high memory consumption.",
    # Q3: the CNN table ('له' read as a slip for 'به')
    "cnn_table.relu1.params": "Number of parameters by depth",
    "cnn_table.total_params": "The total number of parameters is 4882",
    # Q4: gradients ('جان' read as a slip for 'مثل', like)
    "conv_grads.prose_mlp": "This network is like an MLP",
    "conv_grads.z2_two_paths": "We have 2 paths",
}


def english(claim_id: str) -> str | None:
    """The English rendering of a claim's Persian source, or None if it has none (unknown id, English source)."""
    return ENGLISH.get(claim_id)
