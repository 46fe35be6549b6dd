# The ltv HTTP API (`ltv serve`) with its projection daemon. Built and run by docker-compose.yml; see README, "HTTP API".

# Build: the SDK image restores and publishes the host and the libraries it references (the tests stay out).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
# global.json is left out on purpose: it pins the SDK band developers use; the image brings its own 10.0 SDK.
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
RUN dotnet publish src/Ltv.Host/Ltv.Host.csproj --configuration Release --output /app

# Run: the ASP.NET Core runtime only, as the image's unprivileged app user.
FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
USER $APP_UID
EXPOSE 8080
# LTV_CONNECTION names the database (docker-compose.yml points it at its postgres service); LTV_API_KEY guards writes.
ENTRYPOINT ["dotnet", "ltv.dll"]
CMD ["serve", "--urls", "http://0.0.0.0:8080"]
