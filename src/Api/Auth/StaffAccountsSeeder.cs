using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Desk;
using PhanHoi.Bot.Workflow.Directory;

namespace PhanHoi.Bot.Api.Auth;

/// <summary>
/// At start: the bootstrap administrator when no account exists (<c>Auth:BootstrapAdmin</c>), and with
/// <c>Demo:Seed</c> one demo account per role so a newcomer can drive a whole case (see README).
/// </summary>
public sealed class StaffAccountsSeeder(
    IStaffUserRepository users,
    StaffPasswords passwords,
    IOptions<BootstrapAdminOptions> bootstrap,
    IOptions<WorkflowOptions> workflow,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<StaffAccountsSeeder> logger) : IHostedService
{
    public const string DemoPassword = "phanhoi-demo";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var admin = bootstrap.Value;
        if (!string.IsNullOrWhiteSpace(admin.Username) && !string.IsNullOrEmpty(admin.Password)
            && await users.CountAsync(cancellationToken) == 0)
        {
            if (admin.Password.Length < StaffPasswords.MinimumLength)
            {
                throw new InvalidOperationException($"Auth:BootstrapAdmin:Password must have at least {StaffPasswords.MinimumLength} characters.");
            }

            await AddAsync(admin.Username, "Quản trị hệ thống", admin.Password, workflow.Value.ReceptionAgency, [StaffRole.Admin], cancellationToken);
            logger.LogInformation("Created the bootstrap administrator account");
        }

        if (configuration.GetValue<bool>("Demo:Seed"))
        {
            var reception = workflow.Value.ReceptionAgency;
            await AddAsync("tiepnhan", "Cán bộ tiếp nhận", DemoPassword, reception, [StaffRole.Reception], cancellationToken);
            await AddAsync("giamsat", "Văn phòng UBND tỉnh", DemoPassword, "VPUBND", [StaffRole.Supervisor], cancellationToken);
            await AddAsync("quantri", "Quản trị viên", DemoPassword, reception, [StaffRole.Admin], cancellationToken);
            await AddAsync("xuly.sxd", "Cán bộ Sở Xây dựng", DemoPassword, "SXD", [StaffRole.Handler], cancellationToken);
            await AddAsync("xuly.snnmt", "Cán bộ Sở Nông nghiệp và Môi trường", DemoPassword, "SNNMT", [StaffRole.Handler], cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task AddAsync(
        string username, string displayName, string password, string agency, StaffRole[] roles, CancellationToken ct)
    {
        if (await users.FindByUsernameAsync(username, ct) is not null)
        {
            return;
        }

        await users.AddAsync(
            new StaffUser(Guid.NewGuid(), username, displayName, passwords.Hash(password), roles.ToImmutableHashSet(), agency, clock.GetUtcNow()),
            ct);
    }
}
