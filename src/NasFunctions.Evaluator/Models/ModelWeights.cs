using System.Text;
using NasFunctions.SearchSpace.MacroCnn;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Models;

/// <summary>Turns a model's weights into bytes (TorchSharp's format) and builds a model back from them.</summary>
public static class ModelWeights
{
    /// <summary>The model's parameters and buffers, as <c>Module.save</c> writes them.</summary>
    public static byte[] Save(nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var stream = new MemoryStream();

        // Module.save(Stream) closes the stream; a writer that leaves it open does not.
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            model.save(writer);
        }

        return stream.ToArray();
    }

    /// <summary>Loads weights written by <see cref="Save"/> for the same architecture into <paramref name="model"/>.</summary>
    /// <exception cref="ArgumentException">The weights belong to a different architecture.</exception>
    public static void LoadInto(nn.Module model, byte[] weights)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(weights);
        using var stream = new MemoryStream(weights, writable: false);
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        model.load(reader);
    }

    /// <summary>Builds the network and loads saved weights into it; the caller disposes the model.</summary>
    /// <exception cref="ArgumentException">The weights belong to a different architecture.</exception>
    public static MacroCnnModel Load(MacroCnnNetwork network, byte[] weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var model = new MacroCnnModel(network);
        try
        {
            LoadInto(model, weights);
            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }
}
