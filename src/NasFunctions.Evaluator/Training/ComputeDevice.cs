using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Training;

/// <summary>Turns a device name from the options into a torch device.</summary>
public static class ComputeDevice
{
    /// <summary>"cpu" gives the CPU; "cuda" needs CUDA; "auto" gives CUDA when torch can use it, otherwise the CPU.</summary>
    /// <exception cref="InvalidOperationException">"cuda" was asked for and torch has no CUDA device.</exception>
    public static Device Resolve(string name) => name switch
    {
        "cpu" => CPU,
        "auto" => cuda.is_available() ? CUDA : CPU,
        "cuda" when cuda.is_available() => CUDA,
        "cuda" => throw new InvalidOperationException(
            "Device 'cuda' was requested but torch has no CUDA device (this build uses libtorch-cpu); use 'cpu' or 'auto'."),
        _ => throw new ArgumentException($"Unknown device '{name}'; use auto, cpu or cuda.", nameof(name)),
    };
}
