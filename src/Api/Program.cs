using PhanHoi.Bot.Api.Auth;
using PhanHoi.Bot.Api.Cases;
using PhanHoi.Bot.Api.Chat;
using PhanHoi.Bot.Api.Citizens;
using PhanHoi.Bot.Api.Directory;
using PhanHoi.Bot.Api.DirectLine;
using PhanHoi.Bot.Api.Hosting;
using PhanHoi.Bot.Api.Public;
using PhanHoi.Bot.Api.Statistics;
using PhanHoi.Bot.Api.Webhooks;
using PhanHoi.Bot.Workflow;

// The slim builder leaves out what the service does not use (IIS integration, HTTP/3 over QUIC, extra logging
// providers) so those assemblies are never loaded; configuration sources are the same. HTTPS endpoints in
// Kestrel configuration keep working.
var builder = WebApplication.CreateSlimBuilder(args);
builder.WebHost.UseKestrelHttpsConfiguration();

builder.AddEmbeddedDefaults();
builder.AddLogging();
builder.Services.AddWorkflow(builder.Configuration);
builder.AddChat();
builder.AddDirectLine();
builder.AddWebhooks();
builder.AddStaffAuth();
builder.AddApiConventions();
builder.AddHealth();
builder.Services.AddHostedService<IdleMemoryTrimmer>();

var app = builder.Build();

app.UseApiConventions();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseDirectLine();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapHealth();
app.MapApiDocs();
app.MapAuth();
app.MapDirectory();
app.MapCases();
app.MapPublicCases();
app.MapStatistics();
app.MapCitizenAdmin();
app.MapBotFramework();
app.MapDirectLine();
app.MapWebhooks();

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the end-to-end tests.</summary>
public partial class Program;
