using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PhanHoi.Bot.Workflow.Calendar;
using PhanHoi.Bot.Workflow.Citizens;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Credentials;
using PhanHoi.Bot.Workflow.Directory;
using PhanHoi.Bot.Workflow.Inbox;
using PhanHoi.Bot.Workflow.Outbox;
using PhanHoi.Bot.Workflow.Privacy;
using PhanHoi.Bot.Workflow.Statistics;
using PhanHoi.Bot.Workflow.Storage;

namespace PhanHoi.Bot.Workflow.Tests.Storage;

/// <summary>AddWorkflowStorage: which store, the personal data key, and the hosted services' order.</summary>
public sealed class StorageRegistrationTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "phanhoi-reg-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task The_embedded_default_creates_its_folder_migrates_seeds_and_keeps_a_generated_key_for_restarts()
    {
        var path = Path.Combine(folder, "nested", "phanhoi.db");
        string first;
        await using (var provider = Build(("Storage:SqlitePath", path), ("Demo:Seed", "true")))
        {
            await StartAsync(provider);
            first = provider.GetRequiredService<IPersonalDataProtector>().Protect("0912345678");
            Assert.NotEmpty(await provider.GetRequiredService<IDirectoryRepository>().ListCategoriesAsync(CancellationToken.None));
            Assert.IsType<SqliteDatabase>(provider.GetRequiredService<StoreDatabase>());
        }

        var keyFile = Path.Combine(folder, "nested", "pii.key");
        Assert.True(File.Exists(keyFile));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        }

        await using var restarted = Build(("Storage:SqlitePath", path));
        await StartAsync(restarted);
        Assert.Equal("0912345678", restarted.GetRequiredService<IPersonalDataProtector>().Unprotect(first));
    }

    [Fact]
    public async Task PostgreSQL_without_a_key_refuses_to_start_with_a_clear_message()
    {
        await using var provider = Build(("ConnectionStrings:Postgres", "Host=127.0.0.1;Port=1;Database=x"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(provider));

        Assert.Contains("Security:PiiKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_of_the_wrong_size_refuses_to_start_without_echoing_it()
    {
        var shortKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        await using var provider = Build(("Storage:SqlitePath", Path.Combine(folder, "x.db")), ("Security:PiiKey", shortKey));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(provider));

        Assert.Contains("32-byte", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(shortKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Instances_on_the_key_the_store_was_first_started_with_start_and_one_on_another_key_refuses_without_echoing_it()
    {
        var path = Path.Combine(folder, "k.db");
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var otherKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await using var first = Build(("Storage:SqlitePath", path), ("Security:PiiKey", key));
        await using var second = Build(("Storage:SqlitePath", path), ("Security:PiiKey", key));
        await first.GetServices<IHostedService>().OfType<MigrationRunner>().Single().StartAsync(CancellationToken.None);
        await Task.WhenAll(KeyCheck(first).StartAsync(CancellationToken.None), KeyCheck(second).StartAsync(CancellationToken.None)); // one records, the other reads it
        await using var restarted = Build(("Storage:SqlitePath", path), ("Security:PiiKey", key));
        await StartAsync(restarted);

        await using var wrongKey = Build(("Storage:SqlitePath", path), ("Security:PiiKey", otherKey));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(wrongKey));

        Assert.Contains("Security:PiiKey", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(otherKey, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_store_written_before_the_check_existed_records_it_only_under_the_key_that_reads_its_data()
    {
        var path = Path.Combine(folder, "u.db");
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await using (var before = Build(("Storage:SqlitePath", path), ("Security:PiiKey", key)))
        {
            await before.GetServices<IHostedService>().OfType<MigrationRunner>().Single().StartAsync(CancellationToken.None);
            await before.GetRequiredService<ICredentialStore>().ReplaceAsync("zalo:refresh-token", "r-1", null, 0, DateTimeOffset.UnixEpoch, CancellationToken.None);
        }

        await using var wrongKey = Build(("Storage:SqlitePath", path), ("Security:PiiKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
        await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(wrongKey));
        await using var rightKey = Build(("Storage:SqlitePath", path), ("Security:PiiKey", key));
        await StartAsync(rightKey);

        Assert.NotNull(await rightKey.GetRequiredService<ICredentialStore>().GetAsync(PersonalDataKeyCheck.CredentialName, CancellationToken.None));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task When_another_instance_records_its_key_first_ours_is_checked_against_it(bool sameKey)
    {
        await using var provider = Build(("Storage:SqlitePath", Path.Combine(folder, "race.db")), ("Security:PiiKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
        await provider.GetServices<IHostedService>().OfType<MigrationRunner>().Single().StartAsync(CancellationToken.None);
        var first = new RecordedFirstElsewhere(sameKey);
        var check = new PersonalDataKeyCheck(
            first, provider.GetRequiredService<StoreDatabase>(), provider.GetRequiredService<IPersonalDataProtector>(), TimeProvider.System, NullLogger<PersonalDataKeyCheck>.Instance);

        if (sameKey)
        {
            await check.StartAsync(CancellationToken.None);
        }
        else
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => check.StartAsync(CancellationToken.None));
        }

        Assert.Equal((2, 1), (first.Reads, first.Writes));
    }

    [Fact]
    public async Task Every_repository_is_registered_and_migrations_start_before_other_hosted_services()
    {
        var services = WithLogging();
        services.AddHostedService<OtherHostedService>();
        var configuration = Configuration(("Storage:SqlitePath", Path.Combine(folder, "r.db")), ("Security:PiiKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
        services.AddSingleton<IWorkingCalendar>(new WorkingDayCalendar((CalendarOptions?)null));
        services.AddWorkflowStorage(configuration);
        await using var provider = services.BuildServiceProvider();

        var hosted = provider.GetServices<IHostedService>().Select(h => h.GetType()).ToList();
        Assert.Equal([typeof(MigrationRunner), typeof(PersonalDataKeyCheck), typeof(DemoDataSeeder), typeof(PhoneKeyBackfill), typeof(OtherHostedService)], hosted);
        foreach (var type in new[] { typeof(ICaseRepository), typeof(IOutboxStore), typeof(IInboxStore), typeof(ICredentialStore), typeof(IDirectoryRepository), typeof(IStaffUserRepository), typeof(ICitizenAccountRepository), typeof(IStatisticsQuery) })
        {
            Assert.NotNull(provider.GetRequiredService(type));
        }
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(folder))
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Starts every hosted service in order, as the host does, then stops them: a background one (the phone key
    /// backfill) is then no longer writing when the test's folder is deleted.
    /// </summary>
    private static async Task StartAsync(IServiceProvider provider)
    {
        provider.GetRequiredService<IStartupValidator>().Validate();
        var started = new List<IHostedService>();
        try
        {
            foreach (var service in provider.GetServices<IHostedService>())
            {
                await service.StartAsync(CancellationToken.None);
                started.Add(service);
            }
        }
        finally
        {
            foreach (var service in Enumerable.Reverse(started))
            {
                await service.StopAsync(CancellationToken.None);
            }
        }
    }

    private static PersonalDataKeyCheck KeyCheck(IServiceProvider provider) =>
        provider.GetServices<IHostedService>().OfType<PersonalDataKeyCheck>().Single();

    private static ServiceProvider Build(params (string Key, string Value)[] values)
    {
        var services = WithLogging();
        services.AddWorkflowStorage(Configuration(values));
        return services.BuildServiceProvider();
    }

    private static ServiceCollection WithLogging()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        return services;
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    /// <summary>Nothing recorded when first read; our write loses to another instance's, read back next.</summary>
    private sealed class RecordedFirstElsewhere(bool sameKey) : ICredentialStore
    {
        public int Reads { get; private set; }

        public int Writes { get; private set; }

        public Task<StoredCredential?> GetAsync(string name, CancellationToken cancellationToken) => ++Reads switch
        {
            1 => Task.FromResult<StoredCredential?>(null),
            _ when sameKey => Task.FromResult<StoredCredential?>(new StoredCredential(name, "checked", null, 1, DateTimeOffset.UnixEpoch)),
            _ => throw new CryptographicException("another key"),
        };

        public Task<bool> ReplaceAsync(string name, string value, DateTimeOffset? expiresAt, int expectedVersion, DateTimeOffset now, CancellationToken cancellationToken)
        {
            Writes++;
            return Task.FromResult(false);
        }
    }

    private sealed class OtherHostedService : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
