using System.Collections.Immutable;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Citizens;
using PhanHoi.Bot.Workflow.Directory;
using PhanHoi.Bot.Workflow.Storage;
using static PhanHoi.Bot.Workflow.Tests.Storage.TestCases;

namespace PhanHoi.Bot.Workflow.Tests.Storage;

/// <summary>Agencies, categories, staff accounts, citizen locks, demo seeding and migrations, on each engine.</summary>
public abstract class DirectoryContract(StoreFixture store)
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly SqlDirectoryRepository directory = new(store.Database);
    private readonly SqlStaffUserRepository users = new(store.Database);
    private readonly SqlCitizenAccountRepository citizens = new(store.Database);

    [Fact]
    public async Task Demo_seeding_is_idempotent_and_brings_the_agencies_the_api_relies_on()
    {
        var seeder = new DemoDataSeeder(directory, Configuration(("Demo:Seed", "true")), NullLogger<DemoDataSeeder>.Instance);

        await seeder.StartAsync(None);
        await seeder.StartAsync(None);

        var agencies = (await directory.ListAgenciesAsync(None)).Select(a => a.Code).ToList();
        var categories = await directory.ListCategoriesAsync(None);
        Assert.Superset(new[] { "TTPVHCC", "VPUBND", "SXD", "SNNMT", "STC", "SYT", "SGDDT", "THUE", "CA" }.ToHashSet(), agencies.ToHashSet());
        Assert.Equal(agencies.Count, agencies.Distinct().Count());
        Assert.Equal("giao-thong", categories[0].Code);
        Assert.Equal(DemoDirectory.Categories.Select(c => c.Code), categories.Select(c => c.Code).Where(DemoDirectory.Categories.Select(c => c.Code).Contains));
        Assert.Contains("ổ gà", categories[0].Keywords);
        Assert.Equal("THUE", (await directory.FindCategoryAsync("thue", None))!.DefaultAgencyCode);
    }

    [Fact]
    public async Task Without_demo_seeding_nothing_is_added()
    {
        var seeder = new DemoDataSeeder(directory, Configuration(("Demo:Seed", "false")), NullLogger<DemoDataSeeder>.Instance);
        var before = (await directory.ListAgenciesAsync(None)).Count;

        await seeder.StartAsync(None);

        Assert.Equal(before, (await directory.ListAgenciesAsync(None)).Count);
    }

    [Fact]
    public async Task Agencies_and_categories_are_added_once_and_found_by_code()
    {
        var code = Unique("AG");
        var category = new Category(Unique("cat-").ToLowerInvariant(), "Thử nghiệm", code, ["thử", "nghiệm"]);

        Assert.True(await directory.AddAgencyAsync(new Agency(code, "UBND phường Hạc Thành"), None));
        Assert.False(await directory.AddAgencyAsync(new Agency(code, "khác"), None));
        Assert.True(await directory.AddCategoryAsync(category, None));
        Assert.False(await directory.AddCategoryAsync(category with { Name = "khác" }, None));

        Assert.Equal("UBND phường Hạc Thành", (await directory.FindAgencyAsync(code, None))!.Name);
        Assert.Null(await directory.FindAgencyAsync("-", None));
        var found = await directory.FindCategoryAsync(category.Code, None);
        Assert.Equal((category.Name, category.DefaultAgencyCode), (found!.Name, found.DefaultAgencyCode));
        Assert.Equal(category.Keywords.ToArray(), found.Keywords.ToArray());
        Assert.Equal(category.Code, (await directory.ListCategoriesAsync(None))[^1].Code); // newest last
    }

    [Fact]
    public async Task A_staff_account_is_disabled_and_enabled_again_and_listed_with_its_state()
    {
        var user = new StaffUser(Guid.NewGuid(), Unique("tat."), "Cán bộ", "hash", [StaffRole.Handler], "SXD", Monday);
        await users.AddAsync(user, None);

        Assert.True(await users.SetDisabledAsync(user.Id, Monday.AddDays(1), None));
        var disabled = await users.FindByIdAsync(user.Id, None);
        var listed = (await users.ListAsync(None)).Single(u => u.Id == user.Id);
        Assert.True(await users.SetDisabledAsync(user.Id, null, None));
        var enabled = await users.FindByIdAsync(user.Id, None);

        Assert.Equal(Monday.AddDays(1), disabled!.DisabledAt);
        Assert.False(disabled.IsActive);
        Assert.False(listed.IsActive);
        Assert.True(enabled!.IsActive);
        Assert.False(await users.SetDisabledAsync(Guid.NewGuid(), Monday, None));
    }

    [Fact]
    public async Task Staff_usernames_are_unique_whatever_their_case()
    {
        await directory.AddAgencyAsync(new Agency("SXD", "Sở Xây dựng"), None);
        var name = Unique("xuly.").ToLowerInvariant();
        var user = new StaffUser(Guid.NewGuid(), name, "Cán bộ", "hash", [StaffRole.Handler, StaffRole.Reception], "SXD", Monday);
        var before = await users.CountAsync(None);

        Assert.True(await users.AddAsync(user, None));
        Assert.False(await users.AddAsync(user with { Id = Guid.NewGuid(), Username = name.ToUpperInvariant() }, None));

        var byName = await users.FindByUsernameAsync(name.ToUpperInvariant(), None);
        Assert.Equal((user.Id, user.Username, "SXD", Monday), (byName!.Id, byName.Username, byName.AgencyCode, byName.CreatedAt));
        Assert.True(byName.Roles.SetEquals([StaffRole.Handler, StaffRole.Reception]));
        Assert.Equal(user.Id, (await users.FindByIdAsync(user.Id, None))!.Id);
        Assert.Equal(before + 1, await users.CountAsync(None));
    }

    [Fact]
    public async Task A_citizen_lock_is_saved_and_replaced()
    {
        var address = new CitizenAddress("zalo", Unique("U"));
        Assert.Null(await citizens.FindAsync(address, None));

        await citizens.SaveAsync(new CitizenAccount(address, CitizenStatus.Locked, Monday.AddDays(7), "Gửi tin rác"), None);
        var locked = await citizens.FindAsync(address, None);
        await citizens.SaveAsync(new CitizenAccount(address, CitizenStatus.Active, null, null), None);

        Assert.Equal((CitizenStatus.Locked, Monday.AddDays(7), "Gửi tin rác"), (locked!.Status, locked.LockedUntil, locked.Reason));
        Assert.True(locked.IsBarred(Monday));
        Assert.Equal(CitizenStatus.Active, (await citizens.FindAsync(address, None))!.Status);
    }

    [Fact]
    public async Task The_barred_list_holds_blocked_accounts_and_locks_not_yet_ended()
    {
        var blocked = new CitizenAddress("zalo", Unique("B"));
        var locked = new CitizenAddress("facebook", Unique("L"));
        var ended = new CitizenAddress("zalo", Unique("E"));
        var lifted = new CitizenAddress("zalo", Unique("A"));
        await citizens.SaveAsync(new CitizenAccount(blocked, CitizenStatus.Blocked, null, "Quảng cáo"), None);
        await citizens.SaveAsync(new CitizenAccount(locked, CitizenStatus.Locked, Monday.AddHours(1), "Tin rác"), None);
        await citizens.SaveAsync(new CitizenAccount(ended, CitizenStatus.Locked, Monday.AddHours(-1), "Tin rác"), None);
        await citizens.SaveAsync(new CitizenAccount(lifted, CitizenStatus.Active, null, null), None);

        var barred = (await citizens.ListBarredAsync(Monday, None)).ToDictionary(a => a.Address);

        Assert.Equal((CitizenStatus.Blocked, "Quảng cáo"), (barred[blocked].Status, barred[blocked].Reason));
        Assert.Equal((CitizenStatus.Locked, Monday.AddHours(1)), (barred[locked].Status, barred[locked].LockedUntil));
        Assert.False(barred.ContainsKey(ended));
        Assert.False(barred.ContainsKey(lifted));
        Assert.DoesNotContain(locked, (await citizens.ListBarredAsync(Monday.AddHours(1), None)).Select(a => a.Address));
    }

    [Fact]
    public async Task Migrating_again_changes_nothing()
    {
        var again = await Migrator.MigrateAsync(store.Database, None);
        var concurrently = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            await using var other = store.OpenAnother();
            return await Migrator.MigrateAsync(other, None);
        })));

        await using var connection = await store.Database.OpenAsync(None);
        var versions = (await connection.QueryAsync<int>("SELECT version FROM schema_migrations ORDER BY version")).ToList();
        Assert.Empty(again);
        Assert.All(concurrently, Assert.Empty);
        Assert.Equal(MigrationScript.For(store.Database.Dialect).Select(s => s.Version), versions);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}

public sealed class DirectorySqliteTests(SqliteStoreFixture store) : DirectoryContract(store), IClassFixture<SqliteStoreFixture>;

public sealed class DirectoryPostgresTests(PostgresStoreFixture store) : DirectoryContract(store), IClassFixture<PostgresStoreFixture>;
