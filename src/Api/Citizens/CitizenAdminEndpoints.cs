using Microsoft.AspNetCore.Http.HttpResults;
using PhanHoi.Bot.Api.Auth;
using PhanHoi.Bot.Api.Hosting;
using PhanHoi.Bot.Workflow.Calendar;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Citizens;

namespace PhanHoi.Bot.Api.Citizens;

/// <summary><c>until</c>: a date (locked to the end of that day, Vietnam time) or a time.</summary>
public sealed record LockRequest(string? Until, string? Reason);

public sealed record BlockRequest(string? Reason);

public sealed record CitizenAccountResponse(string Channel, string UserId, CitizenStatus Status, DateTimeOffset? LockedUntil, string? Reason);

/// <summary>Abuse control (SPEC §5): administrators lock a chat account for a period, block it, or lift either.</summary>
public static class CitizenAdminEndpoints
{
    private static readonly HashSet<string> Channels = new(StringComparer.OrdinalIgnoreCase) { "zalo", "facebook", "webchat", "directline", "emulator" };

    public static IEndpointRouteBuilder MapCitizenAdmin(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/citizens/{channel}/{userId}").WithTags("Citizens").RequireAuthorization(StaffAuthSetup.Admin);
        api.MapPost("/lock", Lock);
        api.MapPost("/block", Block);
        api.MapPost("/unlock", Unlock);
        return app;
    }

    private static async Task<Results<Ok<CitizenAccountResponse>, ValidationProblem>> Lock(
        string channel, string userId, LockRequest request, ICitizenAccountRepository accounts, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        CheckChannel(channel, errors);
        if (!LocalTimeInput.TryParse(request.Until, DayEdge.End, out var until))
        {
            errors["until"] = [$"until must be {LocalTimeInput.Expected}."];
        }
        else if (until <= clock.GetUtcNow())
        {
            errors["until"] = ["until must be a future time."];
        }

        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            errors["reason"] = ["A reason is required."];
        }

        if (errors.Count > 0)
        {
            return Problems.Problems.Invalid(errors);
        }

        return await Save(new CitizenAccount(Address(channel, userId), CitizenStatus.Locked, until, request.Reason!.Trim()), accounts, ct);
    }

    private static async Task<Results<Ok<CitizenAccountResponse>, ValidationProblem>> Block(
        string channel, string userId, BlockRequest request, ICitizenAccountRepository accounts, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        CheckChannel(channel, errors);
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            errors["reason"] = ["A reason is required."];
        }

        return errors.Count > 0
            ? Problems.Problems.Invalid(errors)
            : await Save(new CitizenAccount(Address(channel, userId), CitizenStatus.Blocked, null, request.Reason!.Trim()), accounts, ct);
    }

    private static async Task<Results<Ok<CitizenAccountResponse>, ValidationProblem>> Unlock(
        string channel, string userId, ICitizenAccountRepository accounts, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        CheckChannel(channel, errors);
        return errors.Count > 0
            ? Problems.Problems.Invalid(errors)
            : await Save(new CitizenAccount(Address(channel, userId), CitizenStatus.Active, null, null), accounts, ct);
    }

    private static async Task<Results<Ok<CitizenAccountResponse>, ValidationProblem>> Save(
        CitizenAccount account, ICitizenAccountRepository accounts, CancellationToken ct)
    {
        await accounts.SaveAsync(account, ct);
        return TypedResults.Ok(new CitizenAccountResponse(
            account.Address.Channel, account.Address.UserId, account.Status, LocalClock.ToLocal(account.LockedUntil), account.Reason));
    }

    private static void CheckChannel(string channel, Dictionary<string, string[]> errors)
    {
        if (!Channels.Contains(channel))
        {
            errors["channel"] = [$"channel must be one of {string.Join(", ", Channels)}."];
        }
    }

    private static CitizenAddress Address(string channel, string userId) => new(channel.ToLowerInvariant(), userId);
}
