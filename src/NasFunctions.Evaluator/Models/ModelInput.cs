namespace NasFunctions.Evaluator.Models;

/// <summary>What kind of samples a space's networks take.</summary>
public enum ModelInput
{
    /// <summary>Images (C, H, W): macro CNN and NAS-Bench-201.</summary>
    Images,

    /// <summary>Feature rows (F): MLP.</summary>
    Features,

    /// <summary>Token id sequences (L): text encoder.</summary>
    Tokens,

    /// <summary>Pairs of token id sequences, source and target: seq2seq (see <see cref="Seq2Seq.Seq2SeqModel"/>).</summary>
    Pairs,
}
