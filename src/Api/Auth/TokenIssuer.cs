using System.IdentityModel.Tokens.Jwt;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using PhanHoi.Bot.Workflow.Directory;

namespace PhanHoi.Bot.Api.Auth;

public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn);

public sealed class TokenIssuer(SigningKey signingKey, IOptions<JwtOptions> options, TimeProvider clock)
{
    public TokenResponse Issue(StaffUser user)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lifetime = options.Value.Lifetime;
        var token = new JwtSecurityToken(
            JwtOptions.Issuer,
            JwtOptions.Audience,
            StaffClaims.For(user),
            notBefore: now,
            expires: now + lifetime,
            signingCredentials: new SigningCredentials(signingKey.Key, SecurityAlgorithms.HmacSha256));
        return new TokenResponse(new JwtSecurityTokenHandler().WriteToken(token), "Bearer", (int)lifetime.TotalSeconds);
    }
}
