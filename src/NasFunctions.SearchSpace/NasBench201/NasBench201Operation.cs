namespace NasFunctions.SearchSpace.NasBench201;

/// <summary>The operation on one edge of a NAS-Bench-201 cell, in the benchmark's fixed order.</summary>
public enum NasBench201Operation
{
    /// <summary>No edge: contributes zeros (<c>none</c>).</summary>
    None,

    /// <summary>Identity (<c>skip_connect</c>).</summary>
    SkipConnect,

    /// <summary>ReLU, 1x1 convolution, batch norm (<c>nor_conv_1x1</c>).</summary>
    NorConv1x1,

    /// <summary>ReLU, 3x3 convolution, batch norm (<c>nor_conv_3x3</c>).</summary>
    NorConv3x3,

    /// <summary>3x3 average pooling, stride 1 (<c>avg_pool_3x3</c>).</summary>
    AvgPool3x3,
}
