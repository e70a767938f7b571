using System.Text;

namespace NasFunctions.Evaluator.Training;

/// <summary>Where a training stands after an epoch: weights, optimizer state, random state, epochs done, the seed that orders the data, and the plateau watch.</summary>
/// <remarks>
/// Training again from a checkpoint with the same options gives the same weights as training straight through (at a fixed
/// thread count): each epoch's data order depends only on (seed, epoch), the optimizer's moments and step count travel with
/// the weights, and so does the training's generator (<see cref="TrainingRandom"/>), so dropout draws the masks it would have.
/// The recipe's position (<see cref="RecipeState"/>: optimizer, schedule step, planned steps) travels too, so a continued
/// training keeps its schedule. Checkpoints written before the generator was saved (<c>NASCKPT1</c>) still load; their
/// trainings go on with a fresh draw. Those written before the recipe was saved (<c>NASCKPT1</c>, <c>NASCKPT2</c>) were all
/// Adam at a constant rate, and load as such.
/// </remarks>
/// <param name="Seed">The seed the training started with: it picks the data subset and orders every epoch.</param>
/// <param name="EpochsDone">Epochs the weights have been trained for.</param>
/// <param name="TrainSeconds">Training seconds spent to reach this point, over every run that contributed.</param>
/// <param name="Model">The weights, as <see cref="Models.ModelWeights.Save"/> writes them.</param>
/// <param name="Optimizer">The optimizer's state (its step count and buffers, such as Adam's moments).</param>
/// <param name="Plateau">The early-stopping watch; null when early stopping was off.</param>
/// <param name="Random">The training generator's state (<see cref="TrainingRandom.SaveState"/>); null when none was saved.</param>
/// <param name="Recipe">The optimizer's name and the schedule's step and plan; null for a checkpoint written before they were saved (Adam, constant rate).</param>
public sealed record TrainingCheckpoint(
    int Seed, int EpochsDone, double TrainSeconds, byte[] Model, byte[] Optimizer, PlateauWatch? Plateau, byte[]? Random = null, RecipeState? Recipe = null)
{
    private static readonly byte[] Magic = "NASCKPT3"u8.ToArray();
    private static readonly byte[] MagicWithoutRecipe = "NASCKPT2"u8.ToArray();
    private static readonly byte[] MagicWithoutRandom = "NASCKPT1"u8.ToArray();

    /// <summary>The same weights and optimizer state with a fresh plateau watch: the start of a promoted trial.</summary>
    public TrainingCheckpoint ForContinuation() => this with { Plateau = null };

    /// <summary>The checkpoint as bytes (a small header, then the weights, the optimizer state and the random state).</summary>
    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(Seed);
            writer.Write(EpochsDone);
            writer.Write(TrainSeconds);
            writer.Write(Plateau is not null);
            if (Plateau is not null)
            {
                writer.Write(Plateau.BestAccuracy);
                writer.Write(Plateau.EpochsSinceBest);
                writer.Write(Plateau.Stopped);
            }

            writer.Write(Model.Length);
            writer.Write(Model);
            writer.Write(Optimizer.Length);
            writer.Write(Optimizer);
            writer.Write(Random?.Length ?? -1);
            writer.Write(Random ?? []);
            writer.Write(Recipe is not null);
            if (Recipe is not null)
            {
                writer.Write(Recipe.Optimizer);
                writer.Write(Recipe.Step);
                writer.Write(Recipe.PlannedSteps);
            }
        }

        return stream.ToArray();
    }

    /// <summary>Reads a checkpoint written by <see cref="ToBytes"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a whole checkpoint.</exception>
    public static TrainingCheckpoint FromBytes(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
            var magic = reader.ReadBytes(Magic.Length);
            var withRecipe = magic.AsSpan().SequenceEqual(Magic);
            var withRandom = withRecipe || magic.AsSpan().SequenceEqual(MagicWithoutRecipe);
            if (!withRandom && !magic.AsSpan().SequenceEqual(MagicWithoutRandom))
            {
                throw new InvalidDataException("The bytes are not a training checkpoint (wrong magic).");
            }

            var seed = reader.ReadInt32();
            var epochs = reader.ReadInt32();
            var seconds = reader.ReadDouble();
            PlateauWatch? plateau = reader.ReadBoolean()
                ? new PlateauWatch(reader.ReadDouble(), reader.ReadInt32(), reader.ReadBoolean())
                : null;
            var model = ReadBlock(reader);
            var optimizer = ReadBlock(reader);
            var random = withRandom ? ReadOptionalBlock(reader) : null;
            var recipe = withRecipe && reader.ReadBoolean() ? ReadRecipe(reader) : null;
            if (reader.BaseStream.Position != bytes.Length)
            {
                throw new InvalidDataException("The training checkpoint has trailing bytes.");
            }

            return new TrainingCheckpoint(seed, epochs, seconds, model, optimizer, plateau, random, recipe);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("The training checkpoint is truncated.", e);
        }
    }

    private static RecipeState ReadRecipe(BinaryReader reader)
    {
        var optimizer = reader.ReadString();
        var step = reader.ReadInt64();
        var planned = reader.ReadInt64();
        if (optimizer.Length == 0 || step < 0 || planned < 1)
        {
            throw new InvalidDataException("The training checkpoint's recipe is damaged.");
        }

        return new RecipeState(optimizer, step, planned);
    }

    private static byte[]? ReadOptionalBlock(BinaryReader reader)
    {
        var length = reader.ReadInt32();
        return length == -1 ? null : ReadBlock(reader, length);
    }

    private static byte[] ReadBlock(BinaryReader reader) => ReadBlock(reader, reader.ReadInt32());

    private static byte[] ReadBlock(BinaryReader reader, int length)
    {
        if (length < 0 || length > reader.BaseStream.Length - reader.BaseStream.Position)
        {
            throw new InvalidDataException("The training checkpoint is truncated.");
        }

        return reader.ReadBytes(length);
    }
}
