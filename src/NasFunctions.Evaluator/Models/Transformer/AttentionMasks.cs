using TorchSharp;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Models.Transformer;

/// <summary>The masks attention takes: true where a query must not look (a padded key, or a later position when decoding).</summary>
public static class AttentionMasks
{
    /// <summary>True at padding: [batch, length] of <paramref name="tokens"/> == <paramref name="padId"/> (default 0, <c>&lt;pad&gt;</c>).</summary>
    public static Tensor Padding(Tensor tokens, long padId = 0)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        using var pad = padId.ToScalar(); // held until the native call returns
        return tokens.eq(pad);
    }

    /// <summary>True above the diagonal: [length, length], query i may see keys 0..i only.</summary>
    public static Tensor Causal(long length, Device? device = null) =>
        ones(length, length, ScalarType.Bool, device).triu(1);

    /// <summary>
    /// One mask of shape [batch or 1, 1, queries, keys] from a key padding mask ([batch, keys], or null) and the causal rule
    /// (when <paramref name="causal"/>); null when there is nothing to mask.
    /// </summary>
    public static Tensor? Combine(Tensor? keyPadding, bool causal, long queries, long keys, Device? device = null)
    {
        Tensor? mask = keyPadding?.unsqueeze(1).unsqueeze(1);
        if (causal)
        {
            if (queries != keys)
            {
                throw new ArgumentException($"A causal mask needs as many queries as keys ({queries} and {keys}).", nameof(causal));
            }

            var future = Causal(queries, device ?? keyPadding?.device).unsqueeze(0).unsqueeze(0);
            mask = mask is null ? future : mask.logical_or(future);
        }

        return mask;
    }
}
