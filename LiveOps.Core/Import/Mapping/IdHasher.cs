using System.Security.Cryptography;
using System.Text;
using LiveOps.Core.Common;
using LiveOps.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LiveOps.Core.Import.Mapping;

/// <summary>
/// Keyed hashes for ids a mapping marks <c>"hash": true</c> (phone numbers used as customer ids): HMAC-SHA256 with the
/// database's own key (<see cref="ImportSecret"/>), as 64 lower-case hex digits. The same source value gives the same
/// stored id in one database; the source value is stored nowhere, and the key never leaves the database.
/// </summary>
public sealed class IdHasher(IDbContextFactory<LiveOpsDbContext> factory, ZoneClock clock)
{
    public const string Purpose = "id-hash";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private byte[]? _key;

    /// <summary>The hashing function of this database; creates the key on first use.</summary>
    public async Task<Func<string, string>> HasherAsync(CancellationToken ct)
    {
        var key = _key ?? await LoadOrCreateAsync(ct);
        return value => Hash(key, value);
    }

    /// <summary>
    /// The stored form of <paramref name="value"/>. A value that is a phone number (digits with spaces, dashes, brackets,
    /// an optional +86) is reduced to its digits first, so <c>138 0013 8000</c> and <c>+86-13800138000</c> are one person;
    /// an email address is compared in lower case.
    /// </summary>
    public static string Hash(byte[] key, string value)
    {
        var normal = Normalize(value);
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(normal), mac);
        return Convert.ToHexStringLower(mac);
    }

    internal static string Normalize(string value)
    {
        var s = SourceText.HalfWidth(value.Trim());
        if (s.Contains('@'))
        {
            return s.ToLowerInvariant(); // an email address
        }
        if (s.Length == 0 || !s.All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '(' or ')' or '+'))
        {
            return s;
        }
        var digits = new string(s.Where(char.IsAsciiDigit).ToArray());
        return digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal) ? digits[2..] : digits;
    }

    private async Task<byte[]> LoadOrCreateAsync(CancellationToken ct)
    {
        await Gate.WaitAsync(ct);
        try
        {
            if (_key is not null)
            {
                return _key;
            }
            await using var db = await factory.CreateDbContextAsync(ct);
            var stored = await db.Set<ImportSecret>().AsNoTracking().Where(s => s.Purpose == Purpose).Select(s => s.Key).FirstOrDefaultAsync(ct);
            if (stored is null)
            {
                db.Add(new ImportSecret { Purpose = Purpose, Key = RandomNumberGenerator.GetBytes(32), CreatedAt = clock.UtcNow });
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateException)
                {
                    // Another process made the key at the same moment: theirs is the key.
                }
                await using var again = await factory.CreateDbContextAsync(ct);
                stored = await again.Set<ImportSecret>().AsNoTracking().Where(s => s.Purpose == Purpose).Select(s => s.Key).SingleAsync(ct);
            }
            _key = stored;
            return stored;
        }
        finally
        {
            Gate.Release();
        }
    }
}
