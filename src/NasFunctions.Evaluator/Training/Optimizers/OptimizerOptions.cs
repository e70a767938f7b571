namespace NasFunctions.Evaluator.Training.Optimizers;

/// <summary>Which update rule trains the network and its settings; the learning rate and weight decay are <see cref="TrainingOptions"/>'.</summary>
public sealed record OptimizerOptions
{
    /// <summary>The rules <see cref="Name"/> may name.</summary>
    public static IReadOnlyList<string> Names { get; } = ["adam", "adamw", "sgd"];

    /// <summary>"adam" (default: Adam, L2 weight decay), "adamw" (Adam with decoupled weight decay) or "sgd" (momentum SGD, L2 weight decay).</summary>
    public string Name { get; init; } = "adam";

    /// <summary>SGD's momentum, in [0, 1); default 0.9.</summary>
    public double Momentum { get; init; } = 0.9;

    /// <summary>SGD with Nesterov's momentum; default true.</summary>
    public bool Nesterov { get; init; } = true;

    /// <summary>Adam's first-moment decay, in [0, 1); default 0.9.</summary>
    public double Beta1 { get; init; } = 0.9;

    /// <summary>Adam's second-moment decay, in [0, 1); default 0.999.</summary>
    public double Beta2 { get; init; } = 0.999;

    /// <summary>Adam's denominator term, positive; default 1e-8.</summary>
    public double Epsilon { get; init; } = 1e-8;

    /// <summary>Every problem with these options; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Name is null || !Names.Contains(Name))
        {
            errors.Add($"Optimizer must be one of {string.Join(", ", Names)} (was '{Name}').");
        }

        if (!double.IsFinite(Momentum) || Momentum < 0 || Momentum >= 1)
        {
            errors.Add($"Momentum must be in [0, 1) (was {Momentum}).");
        }

        if (Nesterov && Momentum == 0 && Name == "sgd")
        {
            errors.Add("Nesterov momentum needs a momentum above 0.");
        }

        if (!double.IsFinite(Beta1) || Beta1 < 0 || Beta1 >= 1 || !double.IsFinite(Beta2) || Beta2 < 0 || Beta2 >= 1)
        {
            errors.Add($"Beta1 and Beta2 must be in [0, 1) (were {Beta1} and {Beta2}).");
        }

        if (!double.IsFinite(Epsilon) || Epsilon <= 0)
        {
            errors.Add($"Epsilon must be positive (was {Epsilon}).");
        }

        return errors;
    }

    /// <summary>The optimizer these options name over a model's named parameters.</summary>
    internal TrainingOptimizer Create(
        IEnumerable<(string Name, TorchSharp.Modules.Parameter Parameter)> parameters, double learningRate, double weightDecay, bool masterWeights) =>
        Name switch
        {
            "sgd" => new SgdOptimizer(parameters, learningRate, Momentum, Nesterov, weightDecay, masterWeights),
            "adamw" => new AdamOptimizer(parameters, learningRate, weightDecay, Beta1, Beta2, Epsilon, masterWeights, decoupledWeightDecay: true),
            _ => new AdamOptimizer(parameters, learningRate, weightDecay, Beta1, Beta2, Epsilon, masterWeights, decoupledWeightDecay: false),
        };
}
