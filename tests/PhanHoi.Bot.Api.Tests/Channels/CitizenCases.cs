using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Desk;
using PhanHoi.Bot.Workflow.Directory;

namespace PhanHoi.Bot.Api.Tests.Channels;

/// <summary>Steps on the host's side of a chat: a case filed for a citizen, time passing until something is sent.</summary>
public static class CitizenCases
{
    /// <summary>Files a case for the citizen at <paramref name="address"/> as the chat intake would.</summary>
    public static async Task<Case> FileAsync(this ChannelHost channel, CitizenAddress address, CaseChannel caseChannel)
    {
        var category = (await channel.Host.Services.GetRequiredService<IDirectoryRepository>().ListCategoriesAsync(CancellationToken.None))[0].Code;
        var outcome = await channel.Host.Services.GetRequiredService<CaseDesk>().SubmitAsync(
            new NewCase(caseChannel, category,
                "Đèn chiếu sáng trên đường Bà Triệu bị hỏng hơn một tuần, buổi tối rất tối và nguy hiểm.", false,
                new CitizenDetails("Lê Văn Nam", "+84912345678"), address, []),
            Actor.Citizen(address), CancellationToken.None);
        return Assert.IsType<DeskOutcome.Done>(outcome).Case;
    }

    /// <summary>Moves the host's clock on by <paramref name="step"/> until the platform receives a message for <paramref name="user"/>.</summary>
    public static async Task<JsonNode> AdvanceUntilSentAsync(this ChannelHost channel, string user, TimeSpan step, int steps)
    {
        for (var i = 0; i < steps; i++)
        {
            channel.Host.Clock.Advance(step);
            await Task.Delay(50);
            if (channel.Platforms.Drain(user) is [var first, ..])
            {
                return first;
            }
        }

        throw new TimeoutException($"Nothing was sent to {user} in {steps} steps of {step}. Host log:\n" +
            string.Join("\n", channel.Host.Logs.Lines.TakeLast(30)));
    }
}
