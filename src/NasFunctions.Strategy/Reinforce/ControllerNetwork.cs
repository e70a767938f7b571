using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasFunctions.Strategy.Reinforce;

/// <summary>The policy of <see cref="ReinforceController"/>: an LSTM that emits one choice per decision, trained with Adam.</summary>
/// <remarks>
/// Step i reads the embedding of the previous choice (a start token at step 0) and a softmax head of decision i's width gives
/// the choice probabilities. Weights start uniform from the handed <see cref="Random"/> and choices are drawn with it, so
/// torch's process-wide generator is never used. Adam runs in managed code on the weights' values, so its moments save and
/// load with them and no libtorch scalar is involved (TorchSharp 0.107's scalars failed under parallel use).
/// Tensors are tiny, so libtorch runs every operation on the calling thread.
/// </remarks>
internal sealed class ControllerNetwork : IDisposable
{
    private const double Beta1 = 0.9;
    private const double Beta2 = 0.999;
    private const double Epsilon = 1e-8;

    private readonly int[] _choiceCounts;
    private readonly long[] _offsets;
    private readonly int _hiddenSize;
    private readonly Embedding _embedding;
    private readonly LSTMCell _cell;
    private readonly Linear[] _heads;
    private readonly List<(string Name, Parameter Value)> _parameters = [];
    private readonly List<float[]> _firstMoments = [];
    private readonly List<float[]> _secondMoments = [];
    private long _steps;

    public ControllerNetwork(IReadOnlyList<int> choiceCounts, int embeddingSize, int hiddenSize, double initRange, Random random)
    {
        _choiceCounts = [.. choiceCounts];
        _offsets = new long[_choiceCounts.Length];
        long tokens = 1;
        for (var i = 0; i < _choiceCounts.Length; i++)
        {
            _offsets[i] = tokens;
            tokens += _choiceCounts[i];
        }

        _hiddenSize = hiddenSize;
        _embedding = nn.Embedding(tokens, embeddingSize);
        _cell = nn.LSTMCell(embeddingSize, hiddenSize);
        _heads = [.. _choiceCounts.Select(k => nn.Linear(hiddenSize, k))];
        Collect("embedding", _embedding);
        Collect("cell", _cell);
        for (var i = 0; i < _heads.Length; i++)
        {
            Collect($"head{i}", _heads[i]);
        }

        using var noGrad = no_grad();
        foreach (var (_, parameter) in _parameters)
        {
            var values = new float[parameter.numel()];
            for (var j = 0; j < values.Length; j++)
            {
                values[j] = (float)((random.NextDouble() * 2 - 1) * initRange);
            }

            parameter.data<float>().CopyFrom(values);
            _firstMoments.Add(new float[values.Length]);
            _secondMoments.Add(new float[values.Length]);
        }
    }

    /// <summary>Draws <paramref name="count"/> architectures at once, each one choice index per decision, feeding each choice to the next step.</summary>
    /// <remarks>The draws use <paramref name="random"/> decision by decision, architecture by architecture within a decision.</remarks>
    public int[][] Sample(int count, Random random)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var hidden = zeros(count, _hiddenSize);
        var cell = zeros(count, _hiddenSize);
        var tokens = new long[count];
        var choices = new int[count][];
        for (var n = 0; n < count; n++)
        {
            choices[n] = new int[_choiceCounts.Length];
        }

        for (var i = 0; i < _choiceCounts.Length; i++)
        {
            (hidden, cell) = _cell.forward(_embedding.forward(tensor(tokens)), (hidden, cell));
            var probabilities = nn.functional.softmax(_heads[i].forward(hidden), 1).data<float>().ToArray();
            var width = _choiceCounts[i];
            for (var n = 0; n < count; n++)
            {
                choices[n][i] = Draw(probabilities.AsSpan(n * width, width), random);
                tokens[n] = _offsets[i] + choices[n][i];
            }
        }

        return choices;
    }

    /// <summary>One REINFORCE step with Adam: raises the log-probability of each sample in proportion to its advantage, plus an entropy bonus.</summary>
    public void Train(IReadOnlyList<(int[] Choices, double Advantage)> samples, double learningRate, double entropyWeight)
    {
        if (samples.Count == 0)
        {
            return;
        }

        using var scope = NewDisposeScope();
        var batch = samples.Count;
        var hidden = zeros(batch, _hiddenSize);
        var cell = zeros(batch, _hiddenSize);
        var tokens = tensor(new long[batch]);
        var logProbability = zeros(batch);
        var entropy = zeros(batch);
        for (var i = 0; i < _choiceCounts.Length; i++)
        {
            (hidden, cell) = _cell.forward(_embedding.forward(tokens), (hidden, cell));
            var logits = nn.functional.log_softmax(_heads[i].forward(hidden), 1);
            var picked = tensor(samples.Select(s => (long)s.Choices[i]).ToArray());
            logProbability = logProbability + logits.gather(1, picked.unsqueeze(1)).squeeze(1);
            entropy = entropy - (logits.exp() * logits).sum(1);
            tokens = picked + tensor(_offsets[i]);
        }

        var advantages = tensor(samples.Select(s => (float)s.Advantage).ToArray());
        var loss = -((advantages * logProbability).mean() + (tensor((float)entropyWeight) * entropy.mean()));
        foreach (var (_, parameter) in _parameters)
        {
            parameter.grad?.zero_();
        }

        loss.backward();
        AdamStep(learningRate);
    }

    /// <summary>Weights, Adam's moments and step count, each tensor as base64 of its little-endian float32 values.</summary>
    public JsonObject Save()
    {
        var weights = new JsonObject();
        var first = new JsonObject();
        var second = new JsonObject();
        for (var i = 0; i < _parameters.Count; i++)
        {
            weights[_parameters[i].Name] = Encode(_parameters[i].Value);
            first[_parameters[i].Name] = Encode(_firstMoments[i]);
            second[_parameters[i].Name] = Encode(_secondMoments[i]);
        }

        return new JsonObject { ["weights"] = weights, ["adamFirst"] = first, ["adamSecond"] = second, ["adamSteps"] = _steps };
    }

    /// <summary>Replaces weights and Adam's state with ones written by <see cref="Save"/> for a network of the same shape.</summary>
    /// <exception cref="FormatException">The state does not fit this network.</exception>
    public void Load(JsonObject state)
    {
        var weights = state["weights"] as JsonObject ?? throw new FormatException("controller state has no 'weights'");
        var first = state["adamFirst"] as JsonObject ?? throw new FormatException("controller state has no 'adamFirst'");
        var second = state["adamSecond"] as JsonObject ?? throw new FormatException("controller state has no 'adamSecond'");
        var steps = state["adamSteps"]?.GetValue<long>() ?? throw new FormatException("controller state has no 'adamSteps'");
        var decoded = new List<(float[] Weights, float[] First, float[] Second)>();
        for (var i = 0; i < _parameters.Count; i++)
        {
            var (name, parameter) = _parameters[i];
            decoded.Add((Decode(weights, name, parameter.numel()), Decode(first, name, parameter.numel()), Decode(second, name, parameter.numel())));
        }

        using var noGrad = no_grad();
        for (var i = 0; i < _parameters.Count; i++)
        {
            _parameters[i].Value.data<float>().CopyFrom(decoded[i].Weights);
            decoded[i].First.CopyTo(_firstMoments[i], 0);
            decoded[i].Second.CopyTo(_secondMoments[i], 0);
        }

        _steps = steps;
    }

    public void Dispose()
    {
        _embedding.Dispose();
        _cell.Dispose();
        foreach (var head in _heads)
        {
            head.Dispose();
        }

    }

    private static int Draw(ReadOnlySpan<float> probabilities, Random random)
    {
        var total = 0.0;
        foreach (var p in probabilities)
        {
            total += p;
        }

        var u = random.NextDouble() * total;
        for (var i = 0; i < probabilities.Length; i++)
        {
            u -= probabilities[i];
            if (u < 0)
            {
                return i;
            }
        }

        return probabilities.Length - 1;
    }

    private static string Encode(Tensor tensor) => Encode(tensor.data<float>().ToArray());

    private static string Encode(float[] values) => Convert.ToBase64String(MemoryMarshal.AsBytes(values.AsSpan()));

    private static float[] Decode(JsonObject tensors, string name, long count)
    {
        var text = tensors[name]?.GetValue<string>() ?? throw new FormatException($"controller state has no tensor '{name}'");
        var bytes = Convert.FromBase64String(text);
        if (bytes.Length != count * sizeof(float))
        {
            throw new FormatException($"controller tensor '{name}' has {bytes.Length / sizeof(float)} values, not {count}");
        }

        return MemoryMarshal.Cast<byte, float>(bytes).ToArray();
    }

    private void Collect(string prefix, nn.Module module)
    {
        foreach (var (name, parameter) in module.named_parameters())
        {
            _parameters.Add(($"{prefix}.{name}", parameter));
        }
    }

    private void AdamStep(double learningRate)
    {
        _steps++;
        var correction1 = 1 - Math.Pow(Beta1, _steps);
        var correction2 = 1 - Math.Pow(Beta2, _steps);
        using var noGrad = no_grad();
        for (var i = 0; i < _parameters.Count; i++)
        {
            var parameter = _parameters[i].Value;
            if (parameter.grad is not { } gradient)
            {
                continue;
            }

            var values = parameter.data<float>().ToArray();
            var gradients = gradient.data<float>().ToArray();
            var first = _firstMoments[i];
            var second = _secondMoments[i];
            for (var j = 0; j < values.Length; j++)
            {
                first[j] = (float)((Beta1 * first[j]) + ((1 - Beta1) * gradients[j]));
                second[j] = (float)((Beta2 * second[j]) + ((1 - Beta2) * gradients[j] * gradients[j]));
                values[j] -= (float)(learningRate * (first[j] / correction1) / (Math.Sqrt(second[j] / correction2) + Epsilon));
            }

            parameter.data<float>().CopyFrom(values);
        }
    }
}
