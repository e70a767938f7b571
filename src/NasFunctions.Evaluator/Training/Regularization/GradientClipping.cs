using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Training.Regularization;

/// <summary>Scales a model's gradients down together when their global L2 norm exceeds a bound (Pascanu et al., 2013).</summary>
/// <remarks>
/// The global norm is that of all gradients as one vector; above the bound every gradient is multiplied by
/// <c>bound / (norm + 1e-6)</c>, so directions are kept and the step is bounded (torch's <c>clip_grad_norm_</c>).
/// </remarks>
public static class GradientClipping
{
    /// <summary>Clips the gradients of <paramref name="parameters"/> to a global norm of at most <paramref name="maxNorm"/> (positive); returns the norm before clipping.</summary>
    public static double ClipGlobalNorm(IEnumerable<Parameter> parameters, double maxNorm)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!double.IsFinite(maxNorm) || maxNorm <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxNorm), maxNorm, "The gradient norm bound must be a positive number.");
        }

        return nn.utils.clip_grad_norm_(parameters, maxNorm); // parameters without a gradient are skipped
    }
}
