using LiveOps.Tests.Support;
using Npgsql;

namespace LiveOps.Tests.Tools;

/// <summary>The test run's own PostgreSQL cluster, used when no server answers (see <see cref="TestPostgres"/>).</summary>
public sealed class ThrowawayPostgresTests
{
    [Fact]
    public async Task Start_ServesOnItsOwnPortAsTheTestRole_AndDisposeRemovesEverything()
    {
        string folder;
        using (var cluster = ThrowawayPostgres.Start())
        {
            folder = Path.GetDirectoryName(cluster.DataFolder)!;
            await using var connection = new NpgsqlConnection(cluster.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT current_user, current_setting('port'), current_setting('fsync')", connection);
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.Equal(ThrowawayPostgres.Role, reader.GetString(0));
            Assert.Equal(cluster.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), reader.GetString(1));
            Assert.Equal("off", reader.GetString(2));
            Assert.NotEqual(5432, cluster.Port);
            Assert.True(File.Exists(Path.Combine(cluster.DataFolder, "PG_VERSION")));
        }

        Assert.False(Directory.Exists(folder));
    }
}
