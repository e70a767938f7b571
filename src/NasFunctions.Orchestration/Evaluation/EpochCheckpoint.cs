namespace NasFunctions.Orchestration.Evaluation;

/// <summary>A checkpoint handed out after an epoch: the epochs the weights have, and the bytes to start again from.</summary>
/// <param name="EpochsDone">Epochs the weights have been trained for in all.</param>
/// <param name="Bytes">The checkpoint, for <see cref="TrialCheckpointing.StartFrom"/>.</param>
public sealed record EpochCheckpoint(int EpochsDone, byte[] Bytes);
