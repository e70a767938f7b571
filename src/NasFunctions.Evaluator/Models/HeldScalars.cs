using TorchSharp;

namespace NasFunctions.Evaluator.Models;

/// <summary>Scalars our modules hand to native code, kept alive for the process.</summary>
/// <remarks>
/// TorchSharp 0.107 turns numbers into <see cref="Scalar"/> objects inline (<c>a + b</c> is <c>a.add(b, 1)</c>) and nothing keeps
/// them alive during the native call, so a garbage collection can finalize one mid-call: sporadic native errors, or silently
/// wrong sums. Static fields are GC roots, so these never go away.
/// </remarks>
internal static class HeldScalars
{
    /// <summary>The integer 1: the alpha of a plain sum, the step of a count.</summary>
    public static readonly Scalar One = 1L.ToScalar();

    /// <summary>The integer 0: the padding token id.</summary>
    public static readonly Scalar Zero = 0L.ToScalar();

    /// <summary>A large negative number that masks positions out of a maximum.</summary>
    public static readonly Scalar VeryNegative = (-1e9).ToScalar();
}
