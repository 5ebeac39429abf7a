using System.Text;

// args: <base url> <fleet id> <output file>: the same POST as get-credentials, the answer's bytes to a file;
// or print <file>: the file on stdout, the floor of a command served from a cache.
if (args is ["print", var file])
{
    using var stdout = Console.OpenStandardOutput();
    stdout.Write(File.ReadAllBytes(file));
    return;
}

using var http = new HttpClient { BaseAddress = new Uri(args[0]) };
http.DefaultRequestHeaders.Add("X-Auth-Token", Environment.GetEnvironmentVariable("UCS_AUTH_TOKEN"));
using var body = new StringContent(
    """{"projectID":"p","vpcID":"v","subnetID":"s","duration":30}""", Encoding.UTF8, "application/json");
using var response = await http.PostAsync($"v1/clustergroups/{Uri.EscapeDataString(args[1])}/cert", body);
response.EnsureSuccessStatusCode();
await File.WriteAllBytesAsync(args[2], await response.Content.ReadAsByteArrayAsync());
