namespace NasFunctions.Api;

/// <summary>Makes new search ids: a UTC timestamp and a random suffix, for example <c>s20261128-060501-7f3a9c</c>.</summary>
public sealed class SearchIdGenerator(TimeProvider time, Random random)
{
    /// <summary>An id from the system clock and a shared random source.</summary>
    public static SearchIdGenerator System { get; } = new(TimeProvider.System, Random.Shared);

    /// <summary>The next id.</summary>
    public string Next() => $"s{time.GetUtcNow():yyyyMMdd-HHmmss}-{random.Next(0x1000000):x6}";
}
