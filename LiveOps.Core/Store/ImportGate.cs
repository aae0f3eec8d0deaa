using System.Data.Common;
using LiveOps.Core.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LiveOps.Core.Store;

/// <summary>
/// The one door for bulk writes (imports and tier-rule publishing): one at a time per process, and on SQLite one at a
/// time per database file (its write lock). A writer that cannot get in within <see cref="LiveOpsOptions.WriteWaitSeconds"/>
/// gets <see cref="ImportBusyException"/> before it has written anything: the page, the endpoint and the command line
/// say "another import is running" instead of waiting on, failing with "database is locked", or answering 500.
/// </summary>
/// <remarks>
/// What a bulk write leaves for after its answer (<see cref="RunAfterWrite"/>: SQLite's copy of its write-ahead log into
/// the database file) runs in the background; the next writer and the gate's disposal wait for it.
/// </remarks>
public sealed class ImportGate(IOptions<LiveOpsOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private Task _afterWrite = Task.CompletedTask;

    /// <summary>How long a writer waits for another one (in this process or another) before giving up.</summary>
    public TimeSpan Wait => TimeSpan.FromSeconds(options.Value.WriteWaitSeconds);

    /// <summary>Waits for this process's turn; <see cref="ImportBusyException"/> when another writer keeps it past <see cref="Wait"/>.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken ct)
    {
        if (!await _turn.WaitAsync(Wait, ct))
        {
            throw new ImportBusyException();
        }
        await _afterWrite;
        return new Turn(_turn);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in the background after a bulk write has committed (by its holder of the turn).
    /// It must not fail: it catches what it expects; anything else is lost with it, never thrown at a later writer.
    /// </summary>
    internal void RunAfterWrite(Action work)
    {
        var previous = _afterWrite;
        _afterWrite = Task.Run(async () =>
        {
            await previous;
            try
            {
                work();
            }
            catch (Exception)
            {
                // Work after an answer is an optimisation (a checkpoint SQLite otherwise does on a later commit).
            }
        });
    }

    /// <summary>Waits for the work after the last write, so that a process ends with it done.</summary>
    public void Dispose() => _afterWrite.GetAwaiter().GetResult();

    /// <summary>Whether <paramref name="e"/> (or what it wraps) says another connection holds the database's write lock.</summary>
    public static bool IsBusy(Exception? e) => e switch
    {
        null => false,
        SqliteException { SqliteErrorCode: 5 or 6 } => true, // SQLITE_BUSY, SQLITE_LOCKED
        _ => IsBusy(e.InnerException),
    };

    /// <summary>Makes <paramref name="db"/>'s commands and transactions wait at most <paramref name="wait"/> for another writer.</summary>
    public static void BoundWait(Data.LiveOpsDbContext db, TimeSpan wait)
    {
        // SQLite's commands (and BEGIN) retry a busy database for the connection's default timeout.
        db.Database.SetCommandTimeout(wait);
        if (db.Database.GetDbConnection() is SqliteConnection sqlite)
        {
            sqlite.DefaultTimeout = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        }
    }

    /// <summary>Runs <paramref name="write"/>; a busy database becomes <see cref="ImportBusyException"/>.</summary>
    public static async Task<T> TranslateAsync<T>(Func<Task<T>> write)
    {
        try
        {
            return await write();
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or Microsoft.EntityFrameworkCore.DbUpdateException && IsBusy(e))
        {
            throw new ImportBusyException();
        }
    }

    private sealed class Turn(SemaphoreSlim turn) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                turn.Release();
            }
        }
    }
}

/// <summary>Another import (in this process or another) holds the database; nothing was written.</summary>
public sealed class ImportBusyException() : Exception(Import.ImportText.English(TextCode))
{
    /// <summary>The text's code in <see cref="Import.ImportText"/>, for the page's language.</summary>
    public const string TextCode = "import.busy";
}
