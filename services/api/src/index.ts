export { createApiServer, OPENAPI_INFO, type ApiServer, type ApiServerOptions } from './create-api-server.js';
export { startApiService, type ApiService, type ApiServiceOptions } from './start-api-service.js';
export { DASHBOARD_PATH } from './queue-dashboard.js';
export { OPEN_PATHS } from './auth.js';
