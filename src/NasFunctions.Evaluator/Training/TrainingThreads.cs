using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Training;

/// <summary>Torch's CPU thread count for a training, without changing another's: trainings that want different counts take turns, those that agree run together.</summary>
/// <remarks>
/// <c>set_num_threads</c> is process-wide (libtorch's count and MKL's), and results differ bitwise between thread counts. So
/// the rule is: at any moment every running training uses the same count. A training enters with its count; it runs at once
/// when nothing runs or what runs uses that count, and otherwise waits until those finish. Arrivals are served in order: a
/// training never overtakes an earlier one that waits for another count, so neither count starves. Within a turn each
/// training sets the count on its own thread, which is then the process's count too.
/// </remarks>
public static class TrainingThreads
{
    private static readonly object Gate = new();
    private static readonly LinkedList<int> Waiting = new();
    private static int _threads;
    private static int _running;

    /// <summary>Trainings running now.</summary>
    public static int Running
    {
        get
        {
            lock (Gate)
            {
                return _running;
            }
        }
    }

    /// <summary>Waits for a turn at <paramref name="threads"/>, sets torch's thread count to it, and holds the turn until disposed.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The count is below 1.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled while waiting.</exception>
    public static IDisposable Enter(int threads, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        lock (Gate)
        {
            var ticket = Waiting.AddLast(threads);
            try
            {
                while (!MayEnter(ticket))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Monitor.Wait(Gate, TimeSpan.FromMilliseconds(100));
                }
            }
            finally
            {
                Waiting.Remove(ticket);
                Monitor.PulseAll(Gate); // the next waiter may be of this count, or may now be first in line
            }

            _threads = threads;
            _running++;
        }

        set_num_threads(threads);
        return new Turn();
    }

    private static bool MayEnter(LinkedListNode<int> ticket)
    {
        if (_running > 0 && _threads != ticket.Value)
        {
            return false;
        }

        for (var earlier = ticket.Previous; earlier is not null; earlier = earlier.Previous)
        {
            if (earlier.Value != ticket.Value)
            {
                return false;
            }
        }

        return true;
    }

    private static void Exit()
    {
        lock (Gate)
        {
            _running--;
            Monitor.PulseAll(Gate);
        }
    }

    private sealed class Turn : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Exit();
            }
        }
    }
}
