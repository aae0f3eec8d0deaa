using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using LiveOps.Core.Common;
using LiveOps.Core.Data;
using LiveOps.Core.Store;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LiveOps.Dashboard;

public static class SharedDataProtection
{
    public const string CertificateKey = "LiveOps:DataProtection:Certificate";
    public const string DefaultCertificateName = "liveops-keyring.pfx";

    /// <summary>
    /// Data-protection keys (which sign the antiforgery tokens and cookies) live in the LiveOps database with one
    /// application name, so every dashboard instance on the same database reads and writes the same key ring. Each key
    /// is encrypted at rest with a certificate kept in a file outside the database (<c>LiveOps:DataProtection:Certificate</c>,
    /// created 0600 on first start): a copy of the database alone cannot sign a cookie. Several instances share that file.
    /// </summary>
    public static IServiceCollection AddSharedDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var certificate = LoadOrCreate(CertificatePath(configuration));
        services.AddDataProtection()
            .SetApplicationName("LiveOps")
            .PersistKeysToDbContext<LiveOpsDbContext>()
            .ProtectKeysWithCertificate(certificate)
            .UnprotectKeysWithAnyCertificate(certificate);
        services.AddSingleton(new KeyRingCertificate(certificate));
        return services;
    }

    /// <summary>The configured file, else beside a SQLite database file, else <c>liveops-keyring.pfx</c> in the working directory.</summary>
    public static string CertificatePath(IConfiguration configuration)
    {
        if (configuration[CertificateKey] is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured);
        }
        var connectionString = configuration.GetConnectionString(AppServices.ConnectionStringName) ?? AppServices.DefaultConnectionString;
        if (AppServices.Provider(configuration).Name == "sqlite"
            && new SqliteConnectionStringBuilder(connectionString).DataSource is { Length: > 0 } file && file != ":memory:")
        {
            return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, DefaultCertificateName);
        }
        return Path.GetFullPath(DefaultCertificateName);
    }

    /// <summary>
    /// Before serving: drops keys stored unencrypted by an earlier version (their sessions sign in again), and refuses to
    /// start when the key ring is encrypted with another certificate (an instance without the shared file).
    /// </summary>
    public static async Task PrepareKeyRingAsync(IServiceProvider services, CancellationToken ct)
    {
        var certificate = services.GetRequiredService<KeyRingCertificate>().Certificate;
        var path = CertificatePath(services.GetRequiredService<IConfiguration>());
        await using var db = await services.GetRequiredService<IDbContextFactory<LiveOpsDbContext>>().CreateDbContextAsync(ct);
        var keys = await db.DataProtectionKeys.ToListAsync(ct);
        var plain = keys.Where(k => k.Xml?.Contains("<masterKey", StringComparison.Ordinal) == true).ToList();
        if (plain.Count > 0)
        {
            db.DataProtectionKeys.RemoveRange(plain);
            await db.SaveChangesAsync(ct);
        }
        var ours = Convert.ToBase64String(certificate.RawData);
        if (keys.Except(plain).Any(k => k.Xml?.Contains("<encryptedSecret", StringComparison.Ordinal) == true && !k.Xml.Contains(ours, StringComparison.Ordinal)))
        {
            throw new DatabaseConfigurationException(
                $"The sign-in key ring in this database is encrypted with another certificate than {path}. Copy the certificate file " +
                $"of the first instance here (or set {CertificateKey} to it).");
        }
    }

    private static X509Certificate2 LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=LiveOps data-protection key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(100));
            var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            using (var stream = new FileStream(temporary, OwnerOnlyFiles.Create()))
            {
                stream.Write(created.Export(X509ContentType.Pfx));
            }
            try
            {
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temporary); // Another instance made it first: use theirs.
            }
        }
        OwnerOnlyFiles.Restrict(path);
        return X509CertificateLoader.LoadPkcs12FromFile(path, password: null, X509KeyStorageFlags.EphemeralKeySet);
    }
}

/// <summary>The certificate that encrypts the key ring, for the start-up check.</summary>
public sealed record KeyRingCertificate(X509Certificate2 Certificate);
