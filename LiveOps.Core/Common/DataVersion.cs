namespace LiveOps.Core.Common;

/// <summary>
/// A counter that every write to the analytics tables bumps. Derived data (caches, column stores)
/// remembers the version it was built from and rebuilds when it differs, so it is never stale after an import.
/// </summary>
public sealed class DataVersion
{
    private long _value;

    public long Current => Interlocked.Read(ref _value);

    public event Action? Changed;

    public void Bump()
    {
        Interlocked.Increment(ref _value);
        Changed?.Invoke();
    }
}
