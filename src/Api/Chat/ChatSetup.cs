using PhanHoi.Bot.Channels.BotFramework;
using PhanHoi.Bot.Intake;

namespace PhanHoi.Bot.Api.Chat;

public static class ChatSetup
{
    /// <summary>The bot (dialogs, state, turn pipeline) wired to the workflow, and the Bot Framework channel.</summary>
    public static WebApplicationBuilder AddChat(this WebApplicationBuilder builder)
    {
        builder.Services.AddBotCore(builder.Configuration);
        builder.Services.AddSingleton<ICitizenCaseDesk, WorkflowCitizenCaseDesk>();
        builder.Services.AddBotFrameworkChannel(builder.Configuration);
        return builder;
    }
}
