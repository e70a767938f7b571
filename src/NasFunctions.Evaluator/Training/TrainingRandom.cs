using System.Runtime.InteropServices;
using NasFunctions.Evaluator.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Training;

/// <summary>The torch random generator of one training, seeded from its seed: weight init and dropout masks draw from it, and its state is saved in checkpoints.</summary>
/// <remarks>
/// Torch's default generator is process-wide: two trainings in one process would interleave their draws, and no checkpoint
/// holds it. So each training has its own. TorchSharp's layer constructors can only draw from the default generator, so the
/// build borrows it (<see cref="DrawFromDefault{T}"/>, under the trainer's build lock): it gets this generator's state, and
/// this generator takes the advanced state back, as if the layers had drawn from it. Dropout layers
/// (<see cref="SeededDropout"/>) draw from it directly, on the training's device. A fresh generator seeded with s gives the
/// same weights as <c>manual_seed(s)</c> did before.
/// </remarks>
public sealed class TrainingRandom : IDisposable
{
    private readonly Generator _cpu;
    private readonly Generator? _device;

    /// <summary>A generator seeded with <paramref name="seed"/> (and one on <paramref name="device"/> when that is not the CPU).</summary>
    public TrainingRandom(int seed, Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        _cpu = new Generator(unchecked((ulong)seed));
        _device = device.type == DeviceType.CPU ? null : new Generator(unchecked((ulong)seed), device);
    }

    /// <summary>The generator that draws on the training's device (dropout masks).</summary>
    public Generator OnDevice => _device ?? _cpu;

    /// <summary>Runs <paramref name="draw"/> (a model build) with torch's default CPU generator holding this generator's state, then takes the advanced state back.</summary>
    /// <remarks>The caller holds the process's build lock: nothing else may draw from the default generator meanwhile.</remarks>
    public T DrawFromDefault<T>(Func<T> draw)
    {
        ArgumentNullException.ThrowIfNull(draw);
        using (var state = _cpu.get_state())
        {
            random.set_rng_state(state);
        }

        try
        {
            return draw();
        }
        finally
        {
            using var advanced = random.get_rng_state();
            _cpu.set_state(advanced);
        }
    }

    /// <summary>Makes every <see cref="SeededDropout"/> of <paramref name="model"/> draw from this generator.</summary>
    public void AttachTo(nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var dropout in model.modules().OfType<SeededDropout>())
        {
            dropout.Generator = OnDevice;
        }
    }

    /// <summary>The generators' state as bytes, for a checkpoint.</summary>
    public byte[] SaveState()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            Write(writer, _cpu);
            writer.Write(_device is not null);
            if (_device is not null)
            {
                Write(writer, _device);
            }
        }

        return stream.ToArray();
    }

    /// <summary>Restores a state <see cref="SaveState"/> wrote, so the next draws are the ones that followed it.</summary>
    /// <exception cref="InvalidDataException">The bytes are not such a state, or were written for another kind of device.</exception>
    public void LoadState(byte[] state)
    {
        ArgumentNullException.ThrowIfNull(state);
        try
        {
            using var reader = new BinaryReader(new MemoryStream(state, writable: false));
            var cpu = ReadBlock(reader);
            var device = reader.ReadBoolean() ? ReadBlock(reader) : null;
            if ((device is null) != (_device is null) || reader.BaseStream.Position != state.Length)
            {
                throw new InvalidDataException("The checkpoint's random state was saved for another device or is damaged.");
            }

            Set(_cpu, cpu);
            if (_device is not null)
            {
                Set(_device, device!);
            }
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("The checkpoint's random state is truncated.", e);
        }
        catch (ExternalException e)
        {
            throw new InvalidDataException("The checkpoint's random state does not fit this generator.", e);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _cpu.Dispose();
        _device?.Dispose();
    }

    private static void Write(BinaryWriter writer, Generator generator)
    {
        using var state = generator.get_state();
        var bytes = state.data<byte>().ToArray();
        writer.Write(bytes.Length);
        writer.Write(bytes);
    }

    private static void Set(Generator generator, byte[] bytes)
    {
        using var state = tensor(bytes, ScalarType.Byte);
        generator.set_state(state);
    }

    private static byte[] ReadBlock(BinaryReader reader)
    {
        var length = reader.ReadInt32();
        if (length < 0 || length > reader.BaseStream.Length - reader.BaseStream.Position)
        {
            throw new InvalidDataException("The checkpoint's random state is truncated.");
        }

        return reader.ReadBytes(length);
    }
}
