using System.Diagnostics;

namespace NasFunctions.Storage.Emulator;

/// <summary>The last lines a child process wrote to one stream, kept for error messages.</summary>
internal sealed class OutputTail
{
    private const int MaxLines = 60;
    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();

    public void Add(DataReceivedEventArgs e)
    {
        if (e.Data is null)
        {
            return;
        }

        lock (_gate)
        {
            _lines.Enqueue(e.Data);
            while (_lines.Count > MaxLines)
            {
                _lines.Dequeue();
            }
        }
    }

    public bool Contains(string text)
    {
        lock (_gate)
        {
            return _lines.Any(line => line.Contains(text, StringComparison.Ordinal));
        }
    }

    public override string ToString()
    {
        lock (_gate)
        {
            return _lines.Count == 0 ? "(nothing)" : string.Join(Environment.NewLine, _lines);
        }
    }
}
