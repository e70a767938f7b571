namespace NasFunctions.Benchmarks.Tests.Budget;

/// <summary>A clock that moves only when a fake training says it trained, its timers firing as it passes them.</summary>
internal sealed class StepTime : TimeProvider
{
    private readonly List<StepTimer> _timers = [];
    private long _ticks;

    public void Advance(TimeSpan by)
    {
        _ticks += by.Ticks;
        foreach (var timer in _timers.Where(t => t.Due <= _ticks).ToList())
        {
            _timers.Remove(timer);
            timer.Fire();
        }
    }

    public override long GetTimestamp() => _ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new StepTimer(() => callback(state), _ticks + dueTime.Ticks, t => _timers.Remove(t));
        _timers.Add(timer);
        return timer;
    }

    private sealed class StepTimer(Action fire, long due, Action<StepTimer> remove) : ITimer
    {
        public long Due { get; } = due;

        public void Fire() => fire();

        public bool Change(TimeSpan dueTime, TimeSpan period) => throw new NotSupportedException();

        public void Dispose() => remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
