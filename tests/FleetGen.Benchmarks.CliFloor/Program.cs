using System.Text;

// args: <base url> <fleet id> <output file>
using var http = new HttpClient { BaseAddress = new Uri(args[0]) };
http.DefaultRequestHeaders.Add("X-Auth-Token", Environment.GetEnvironmentVariable("UCS_AUTH_TOKEN"));
using var body = new StringContent(
    """{"projectID":"p","vpcID":"v","subnetID":"s","duration":30}""", Encoding.UTF8, "application/json");
using var response = await http.PostAsync($"v1/clustergroups/{Uri.EscapeDataString(args[1])}/cert", body);
response.EnsureSuccessStatusCode();
await File.WriteAllBytesAsync(args[2], await response.Content.ReadAsByteArrayAsync());
