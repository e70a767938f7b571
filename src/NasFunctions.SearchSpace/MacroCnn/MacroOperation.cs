namespace NasFunctions.SearchSpace.MacroCnn;

/// <summary>The operation of one block of the macro CNN; every block halves the spatial resolution.</summary>
public enum MacroOperation
{
    /// <summary>3x3 convolution, stride 2, then optional batch norm and ReLU.</summary>
    Conv3x3,

    /// <summary>5x5 convolution, stride 2, then optional batch norm and ReLU.</summary>
    Conv5x5,

    /// <summary>Depthwise 3x3 convolution (stride 2) followed by a pointwise 1x1 convolution, then optional batch norm and ReLU.</summary>
    SepConv3x3,

    /// <summary>3x3 max pooling, stride 2; keeps the channel count.</summary>
    MaxPool,

    /// <summary>3x3 average pooling, stride 2; keeps the channel count.</summary>
    AvgPool,
}
