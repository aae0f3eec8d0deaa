using Microsoft.AspNetCore.Components;

namespace LiveOps.Dashboard.Components;

/// <summary>
/// The one cancellation pattern of the pages: the work a page starts stops when the user leaves it. Every service
/// call passes <see cref="PageClosed"/>, or <see cref="NextLoad"/> where a newer filter replaces a running load.
/// </summary>
public abstract class LiveOpsComponent : ComponentBase, IDisposable
{
    // Never disposed: a token handed out stays readable after the page has gone (it is then cancelled).
    private readonly CancellationTokenSource _closed = new();
    private CancellationTokenSource? _load;

    /// <summary>Cancelled when the page (the component) is disposed, i.e. left.</summary>
    protected CancellationToken PageClosed => _closed.Token;

    /// <summary>A token for a load that replaces the previous one: cancelled by the next call or by leaving the page.</summary>
    protected CancellationToken NextLoad()
    {
        _load?.Cancel();
        _load?.Dispose();
        _load = CancellationTokenSource.CreateLinkedTokenSource(_closed.Token);
        return _load.Token;
    }

    public void Dispose()
    {
        _closed.Cancel();
        _load?.Cancel();
        _load?.Dispose();
        GC.SuppressFinalize(this);
    }
}
