using Azure.Core;
using Azure.Core.Pipeline;

namespace NasFunctions.Orchestration.Tests.Datasets;

/// <summary>Counts the requests a blob client sends, and can fail chosen ones, so tests see what a source really fetched.</summary>
internal sealed class RequestCounter : HttpPipelineSynchronousPolicy
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    /// <summary>Which requests to fail, as a lost connection would.</summary>
    public Func<HttpMessage, bool> FailWhen { get; set; } = _ => false;

    public override void OnSendingRequest(HttpMessage message)
    {
        var number = Interlocked.Increment(ref _count);
        if (FailWhen(message))
        {
            throw new IOException($"Request {number} ({message.Request.Method} {message.Request.Uri}) failed on purpose.");
        }
    }
}
