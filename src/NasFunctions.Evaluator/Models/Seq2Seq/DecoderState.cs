using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Models.Seq2Seq;

/// <summary>What a decoder keeps between decoding steps: the memory's projections (made once) and each row's carried state (hidden states, or the prefix's keys and values), batch first.</summary>
/// <remarks>
/// A step leaves its carried state pending; the owner of the step's dispose scope then calls <see cref="Commit"/>, which
/// moves it out of that scope and disposes the state it replaces, so a long decoding holds one step's state, not all of them.
/// </remarks>
public sealed class DecoderState
{
    private Tensor[] _carried;
    private Tensor[]? _pending;

    internal DecoderState(Tensor sourcePadding, IReadOnlyList<Tensor> memory, Tensor[] carried)
    {
        SourcePadding = sourcePadding;
        Memory = memory;
        _carried = carried;
    }

    /// <summary>True at the source's padded positions, [batch, sourceLength].</summary>
    public Tensor SourcePadding { get; }

    /// <summary>Tokens fed so far: the position of the next one.</summary>
    public int Steps { get; private set; }

    /// <summary>The memory's projections, made once per source.</summary>
    internal IReadOnlyList<Tensor> Memory { get; }

    /// <summary>The state after the last committed step, batch first.</summary>
    internal IReadOnlyList<Tensor> Carried => _carried;

    /// <summary>The state after the step just run (a decoder sets it; batch first, as many tensors as <see cref="Carried"/>).</summary>
    internal void Carry(Tensor[] next) => _pending = next;

    /// <summary>Keeps the pending state's given rows only, in their order (beam search's surviving prefixes); <paramref name="rows"/> [batch] of row indices.</summary>
    public void Reorder(Tensor rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        _pending = [.. Pending().Select(t => t.index_select(0, rows))];
    }

    /// <summary>Makes the pending state the carried one, moved out of the current dispose scope, and disposes the one it replaces.</summary>
    public void Commit()
    {
        var next = Pending();
        foreach (var tensor in next)
        {
            tensor.MoveToOuterDisposeScope();
        }

        foreach (var old in _carried)
        {
            old.Dispose();
        }

        (_carried, _pending) = (next, null);
        Steps++;
    }

    private Tensor[] Pending() => _pending ?? throw new InvalidOperationException("No step has run since the last commit.");
}
