namespace NasFunctions.Evaluator.Training;

/// <summary>Where a training stands on its recipe: the optimizer that made its state, the schedule's step and the plan's length in steps.</summary>
/// <param name="Optimizer">The optimizer's name (<see cref="Optimizers.OptimizerOptions.Name"/>): its state loads only into the same rule.</param>
/// <param name="Step">Updates made (the schedule's clock), equal to the optimizer's step count.</param>
/// <param name="PlannedSteps">The schedule's length in steps; a training that continues this one keeps it.</param>
public sealed record RecipeState(string Optimizer, long Step, long PlannedSteps);
