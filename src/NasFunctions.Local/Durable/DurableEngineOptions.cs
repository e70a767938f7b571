namespace NasFunctions.Local.Durable;

/// <summary>Settings of the local durable engine (DTFx on the Azure Storage backend).</summary>
public sealed class DurableEngineOptions
{
    /// <summary>Task hub name: letters and digits, 3 to 45 characters, starting with a letter (default <c>nas</c>).</summary>
    public string TaskHub { get; set; } = "nas";

    /// <summary>This worker process's fixed id; each process on one hub needs its own (default <c>nas-local-1</c>).</summary>
    public string WorkerId { get; set; } = "nas-local-1";

    /// <summary>Activities this process runs at once, training included (default 2).</summary>
    public int ActivitySlots { get; set; } = 2;

    /// <summary>Longest wait between queue polls when idle (default 1 s; the backend's own default of 30 s feels stuck).</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a dequeued work item stays hidden; DTFx renews it for long activities. It is also how soon the work of a
    /// killed host is picked up again (default 10 s).
    /// </summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Returns every problem with these settings.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (TaskHub.Length is < 3 or > 45 || !char.IsAsciiLetter(TaskHub[0]) || !TaskHub.All(char.IsAsciiLetterOrDigit))
        {
            errors.Add($"TaskHub '{TaskHub}' must be 3-45 letters or digits, starting with a letter.");
        }

        if (string.IsNullOrWhiteSpace(WorkerId))
        {
            errors.Add("WorkerId is required.");
        }

        if (ActivitySlots < 1)
        {
            errors.Add("ActivitySlots must be at least 1.");
        }

        if (MaxQueuePollingInterval <= TimeSpan.Zero || VisibilityTimeout < TimeSpan.FromSeconds(5))
        {
            errors.Add("MaxQueuePollingInterval must be positive and VisibilityTimeout at least 5 s.");
        }

        return errors;
    }
}
