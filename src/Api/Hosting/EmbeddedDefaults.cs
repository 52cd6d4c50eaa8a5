namespace PhanHoi.Bot.Api.Hosting;

/// <summary>
/// The embedded default (no <c>ConnectionStrings:Postgres</c>): a SQLite file, in-process state and demo data,
/// so a newcomer runs the service with nothing else installed.
/// </summary>
public static class EmbeddedDefaults
{
    public static bool IsEmbedded(IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration.GetConnectionString("Postgres"));

    public static WebApplicationBuilder AddEmbeddedDefaults(this WebApplicationBuilder builder)
    {
        if (IsEmbedded(builder.Configuration) && builder.Configuration["Demo:Seed"] is null)
        {
            builder.Configuration.AddInMemoryCollection([new("Demo:Seed", "true")]);
        }

        return builder;
    }
}
