using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using PhanHoi.Bot.Workflow.Cases;

namespace PhanHoi.Bot.Api.Auth;

public static class StaffAuthSetup
{
    public const string Staff = "staff";
    public const string Admin = "admin";
    public const string Reception = "reception";
    public const string LoginLimit = "login";

    public static WebApplicationBuilder AddStaffAuth(this WebApplicationBuilder builder)
    {
        var signingKey = SigningKey.Resolve(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(signingKey);
        builder.Services.AddOptions<JwtOptions>().BindConfiguration(JwtOptions.Section);
        builder.Services.AddOptions<BootstrapAdminOptions>().BindConfiguration(BootstrapAdminOptions.Section);
        builder.Services.AddSingleton<TokenIssuer>();
        builder.Services.AddSingleton<StaffPasswords>();
        builder.Services.AddHostedService<StaffAccountsSeeder>();

        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = JwtOptions.Issuer,
                    ValidAudience = JwtOptions.Audience,
                    IssuerSigningKey = signingKey.Key,
                    NameClaimType = StaffClaims.Username,
                    RoleClaimType = StaffClaims.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });

        builder.Services.AddSingleton<StaffAccountCheck>();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<TimeProvider>((o, clock) => o.TokenValidationParameters.LifetimeValidator = (notBefore, expires, _, parameters) =>
                TokenLifetime.IsValid(clock.GetUtcNow(), notBefore, expires, parameters.ClockSkew))
            .Configure<StaffAccountCheck>((o, accounts) => o.Events = new JwtBearerEvents { OnTokenValidated = accounts.ValidateAsync });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Staff, p => p.RequireAuthenticatedUser())
            .AddPolicy(Admin, p => p.RequireRole(StaffClaims.RoleName(StaffRole.Admin)))
            .AddPolicy(Reception, p => p.RequireRole(StaffClaims.RoleName(StaffRole.Reception)));

        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                // Said the way every other refusal is (problem+json), with when to try again.
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                // Every limiter answers through here (sign-in, web chat tokens): worded for both. A client that accepts no
                // JSON still gets its bare 429.
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests.", Detail = "Too many requests from this address; try again later." },
                });
            };
            o.AddPolicy(LoginLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 20, Window = TimeSpan.FromMinutes(1) }));
        });
        return builder;
    }
}
