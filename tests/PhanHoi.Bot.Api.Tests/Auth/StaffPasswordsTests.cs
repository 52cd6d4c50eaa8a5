using System.Collections.Immutable;
using System.Text;
using Microsoft.AspNetCore.Identity;
using PhanHoi.Bot.Api.Auth;
using PhanHoi.Bot.Workflow.Directory;

namespace PhanHoi.Bot.Api.Tests.Auth;

public sealed class StaffPasswordsTests
{
    private const string Password = "Mật khẩu của tôi";

    private static StaffUser With(string hash) => new(Guid.NewGuid(), "canbo", "Cán bộ", hash, ImmutableHashSet<PhanHoi.Bot.Workflow.Cases.StaffRole>.Empty, "SXD", DateTimeOffset.UnixEpoch);

    [Fact]
    public void A_password_set_decomposed_is_the_same_password_typed_precomposed()
    {
        var passwords = new StaffPasswords();

        var user = With(passwords.Hash(Password.Normalize(NormalizationForm.FormD))); // e.g. the bootstrap admin's from configuration

        Assert.True(passwords.Verify(user, Password.Normalize(NormalizationForm.FormC)));
        Assert.False(passwords.Verify(user, "Mat khau cua toi"));
    }

    [Fact]
    public void A_hash_made_of_the_decomposed_form_before_input_was_kept_NFC_still_signs_in()
    {
        var legacy = new PasswordHasher<StaffUser>().HashPassword(null!, Password.Normalize(NormalizationForm.FormD));

        Assert.True(new StaffPasswords().Verify(With(legacy), Password.Normalize(NormalizationForm.FormC)));
    }
}
