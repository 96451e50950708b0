import bootstrap from './bootstrap';
import register from './register';
import destroy from './destroy';
import config from './config';
import controllers from './controllers';
import routes from './routes';
import services from './services';

export default {
  register,
  bootstrap,
  destroy,
  config,
  controllers,
  routes,
  services,
};
