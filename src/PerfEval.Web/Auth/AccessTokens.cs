using System.Security.Cryptography;
using System.Text;

namespace PerfEval.Web.Auth;

/// <summary>
/// Personal access tokens: <c>pe_</c> followed by 32 random bytes in base64url. The database keeps only the SHA-256 of
/// the token and its first characters, so a stolen database does not give working tokens.
/// </summary>
public static class AccessTokens
{
    public const string Prefix = "pe_";

    /// <summary>How many leading characters are kept to tell tokens apart in lists.</summary>
    public const int ShownLength = 10;

    public static string NewToken() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token ?? string.Empty)));

    public static string Shown(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return token.Length <= ShownLength ? token : token[..ShownLength];
    }

    /// <summary>A one-time password that satisfies the password rules: 16 characters of letters and digits with at
    /// least one of each kind, from a cryptographic generator.</summary>
    public static string NewOneTimePassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        const string lower = "abcdefghijkmnopqrstuvwxyz";
        const string digits = "23456789";
        const string all = upper + lower + digits;
        var chars = new char[16];
        chars[0] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[1] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        for (var i = 3; i < chars.Length; i++)
        {
            chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        }

        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
