using LiveOps.Core.Accounts;
using LiveOps.Core.Data;
using LiveOps.Core.Store;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LiveOps.Dashboard.Accounts;

/// <summary>
/// Failed sign-ins and lockouts, counted one attempt at a time in this process and kept in memory until the database
/// has them: parallel guesses cannot lose each other's counts, and a database another writer holds (a long import)
/// neither delays the answer nor lets a guess go uncounted. Each user's latest state is written in the background as
/// soon as the database is free; until then it is what sign-in goes by.
/// </summary>
public sealed class SignInLedger(IDbContextFactory<LiveOpsDbContext> factory, IOptions<IdentityOptions> identity, ILogger<SignInLedger> log)
{
    private static readonly TimeSpan WriteWait = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly Lock _sync = new();
    private readonly Dictionary<string, Entry> _pending = [];
    private long _version;
    private Task _drain = Task.CompletedTask;

    /// <summary>The failures in a row and the lockout end of a user, as the database will have them.</summary>
    public readonly record struct State(int Failures, DateTimeOffset? LockoutEnd);

    private sealed record Entry(State State, long Version);

    /// <summary>Attempts are counted one after another: a failure reads the count the previous one left.</summary>
    public async Task<IDisposable> TurnAsync(CancellationToken ct)
    {
        await _turn.WaitAsync(ct);
        return new Turn(_turn);
    }

    public State StateOf(AppUser user)
    {
        lock (_sync)
        {
            return _pending.TryGetValue(user.Id, out var entry) ? entry.State : new State(user.AccessFailedCount, user.LockoutEnd);
        }
    }

    /// <summary>Counts a wrong password; the last allowed one locks the account (and starts the count again), as Identity does.</summary>
    public void Failed(AppUser user, DateTimeOffset now)
    {
        var state = StateOf(user);
        var failures = state.Failures + 1;
        var lockout = identity.Value.Lockout;
        Set(user.Id, failures >= lockout.MaxFailedAccessAttempts ? new State(0, now + lockout.DefaultLockoutTimeSpan) : state with { Failures = failures });
    }

    /// <summary>A right password clears the failures in a row.</summary>
    public void Succeeded(AppUser user)
    {
        var state = StateOf(user);
        if (state.Failures > 0)
        {
            Set(user.Id, state with { Failures = 0 });
        }
    }

    /// <summary>Waits until the database has every state (tests, shutdown); false when it stayed busy for <paramref name="wait"/>.</summary>
    public async Task<bool> FlushAsync(TimeSpan wait)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        while (!await TryWriteAsync(WriteWait < wait ? WriteWait : wait))
        {
            if (System.Diagnostics.Stopwatch.GetElapsedTime(started) >= wait)
            {
                return false;
            }
        }
        return true;
    }

    private void Set(string userId, State state)
    {
        lock (_sync)
        {
            _pending[userId] = new Entry(state, ++_version);
            if (_drain.IsCompleted)
            {
                _drain = Task.Run(DrainAsync);
            }
        }
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            try
            {
                if (await TryWriteAsync(WriteWait))
                {
                    return;
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Kept in memory, where sign-in reads it; the next change tries again.
                log.LogError("Sign-in counts could not be written: {Error}", e.Message);
                return;
            }
        }
    }

    /// <summary>Writes each pending state; false when the database stayed busy.</summary>
    private async Task<bool> TryWriteAsync(TimeSpan wait)
    {
        // One writer at a time: a slower one must not put an older state over a newer one.
        if (!await _writing.WaitAsync(wait))
        {
            return false;
        }
        try
        {
            return await WritePendingAsync(wait);
        }
        finally
        {
            _writing.Release();
        }
    }

    private async Task<bool> WritePendingAsync(TimeSpan wait)
    {
        List<KeyValuePair<string, Entry>> pending;
        lock (_sync)
        {
            pending = [.. _pending];
        }
        foreach (var (userId, entry) in pending)
        {
            try
            {
                await using var db = await factory.CreateDbContextAsync();
                ImportGate.BoundWait(db, wait);
                var stamp = Guid.NewGuid().ToString();
                await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u
                    .SetProperty(x => x.AccessFailedCount, entry.State.Failures)
                    .SetProperty(x => x.LockoutEnd, entry.State.LockoutEnd)
                    .SetProperty(x => x.ConcurrencyStamp, stamp));
            }
            catch (Exception e) when (ImportGate.IsBusy(e))
            {
                return false;
            }
            lock (_sync)
            {
                // A newer attempt's state stays pending.
                if (_pending.TryGetValue(userId, out var now) && now.Version == entry.Version)
                {
                    _pending.Remove(userId);
                }
            }
        }
        lock (_sync)
        {
            return _pending.Count == 0;
        }
    }

    private sealed class Turn(SemaphoreSlim turn) : IDisposable
    {
        public void Dispose() => turn.Release();
    }
}
