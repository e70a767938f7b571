using NasFunctions.SearchSpace;
using NasFunctions.SearchSpace.MacroCnn;
using NasFunctions.SearchSpace.Mlp;
using NasFunctions.SearchSpace.NasBench201;
using NasFunctions.SearchSpace.Seq2Seq;
using NasFunctions.SearchSpace.TextEncoder;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Models;

/// <summary>Builds the TorchSharp module of an architecture of any built-in space for data of a given shape.</summary>
/// <remarks>The architecture decides the layers; the data decides the input shape, the vocabulary and the class count.</remarks>
public static class ModelFactory
{
    /// <summary>The kind of samples the space's networks take.</summary>
    /// <exception cref="NotSupportedException">The space is not one the trainer can build (a custom space).</exception>
    public static ModelInput InputOf(ISearchSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        return space switch
        {
            JointSearchSpace joint => InputOf(joint.Network),
            MacroCnnSpace or NasBench201Space => ModelInput.Images,
            MlpSpace => ModelInput.Features,
            TextEncoderSpace => ModelInput.Tokens,
            Seq2SeqSpace => ModelInput.Pairs,
            _ => throw new NotSupportedException($"Networks of search space '{space.Kind}' cannot be built for training."),
        };
    }

    /// <summary>Builds the network (fresh weights from the current torch seed); the caller disposes it.</summary>
    /// <exception cref="ArgumentException">The data's shape does not suit the space (say, images for an MLP).</exception>
    /// <exception cref="NotSupportedException">The space cannot be built (a custom space).</exception>
    public static nn.Module<Tensor, Tensor> Create(ISearchSpace space, Architecture architecture, DataShape shape)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(shape);
        if (space is JointSearchSpace joint)
        {
            return Create(joint.Network, joint.NetworkOf(architecture), shape); // the training settings are the trainer's
        }

        var input = InputOf(space);
        if (input == ModelInput.Pairs)
        {
            throw new ArgumentException(
                $"Search space '{space.Kind}' builds sequence-to-sequence networks; train them with Seq2SeqTrainer on a parallel data set.", nameof(space));
        }

        var wanted = input switch
        {
            ModelInput.Images => shape.Sample.Count == 3 && !shape.IsTokens,
            ModelInput.Features => shape.Sample.Count == 1 && !shape.IsTokens,
            _ => shape.Sample.Count == 1 && shape.IsTokens,
        };
        if (!wanted)
        {
            throw new ArgumentException(
                $"Search space '{space.Kind}' takes {input} but the data has {(shape.IsTokens ? "token sequences" : "samples")} " +
                $"of shape ({string.Join(", ", shape.Sample)}).", nameof(shape));
        }

        return space switch
        {
            MacroCnnSpace macro => new MacroCnnModel(macro.Decode(architecture) with
            {
                InputChannels = shape.Sample[0], InputHeight = shape.Sample[1], InputWidth = shape.Sample[2], Classes = shape.Classes,
            }),
            NasBench201Space bench => new NasBench201Model(
                bench.Decode(architecture), shape.Sample[0], shape.Classes, bench.Options.Channels, bench.Options.CellsPerStage),
            MlpSpace mlp => new MlpModel(mlp.Decode(architecture) with { Inputs = shape.Sample[0], Classes = shape.Classes }),
            TextEncoderSpace text => new TextEncoderModel(text.Decode(architecture) with
            {
                Vocabulary = shape.Vocabulary, MaxLength = shape.Sample[0], Classes = shape.Classes,
            }),
            _ => throw new NotSupportedException($"Networks of search space '{space.Kind}' cannot be built for training."),
        };
    }
}
