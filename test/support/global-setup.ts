// Integration tests run against real servers. This global setup is extended as the services land.
export default function setup(): void {}
